package org.newsarchive.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.article.Article;
import org.newsarchive.ingest.ArticleSink;
import org.newsarchive.ingest.FileOutcome;
import org.newsarchive.ingest.IngestProgress;
import org.newsarchive.ingest.IngestService;
import org.newsarchive.ingest.git.GitIngest;
import org.newsarchive.ingest.git.MirrorCheckpoints;
import org.newsarchive.ingest.normalize.ArticleNormalizer;
import org.newsarchive.lucene.LuceneIndexWriter;
import org.newsarchive.lucene.LuceneSearchService;
import org.newsarchive.search.DateRange;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchResults;
import org.newsarchive.search.SearchService;
import org.newsarchive.search.SortOrder;
import org.newsarchive.store.RawStore;
import org.newsarchive.testing.MirrorRepository;
import org.newsarchive.version.ArticleHistory;
import org.newsarchive.version.VersionDiff;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same git mirror ingested into the embedded index and into a real SolrCloud (MiniSolrCloudCluster, two shards)
 * gives the same versions, removals, matches in earlier versions, diffs, mirror-date order and mirror-date filter.
 * Its own cluster, so that these articles leave the ranking statistics of {@link SolrParityTest} alone.
 */
class SolrVersionsParityTest {

    private static final String KEPT = "卫健委周一发布通报，称本市新增确诊病例十二例，均已隔离治疗。";
    private static final String LATER_REMOVED = "通报说，另有三名记者被警方带走，至今下落不明。";

    @TempDir
    static Path workDir;

    private static TestSolrCloud solr;
    private static LuceneIndexWriter index;
    private static SearchService lucene;
    private static SearchService cloud;
    private static GitIngest.Result luceneMirror;
    private static GitIngest.Result solrMirror;

    @BeforeAll
    static void ingestTheMirrorIntoBoth() throws Exception {
        ChineseAnalysis analysis = new ChineseAnalysis();
        JsonMapper json = JsonMapper.builder().build();
        Path mirror = mirror(workDir.resolve("mirror"));
        solr = new TestSolrCloud(workDir.resolve("solr"));
        index = new LuceneIndexWriter(workDir.resolve("lucene/index"), analysis, json);
        lucene = new LuceneSearchService(index.reader(), analysis);
        cloud = new SolrSearchService(solr.collection, analysis, json);
        SolrArticleSink sink = new SolrArticleSink(solr.collection, analysis, json, TestSolrCloud.WRITE_RETRIES, 200);
        luceneMirror = ingestMirror(workDir.resolve("lucene"), index, mirror);
        solrMirror = ingestMirror(workDir.resolve("solr-raw"), sink, mirror);
    }

    @AfterAll
    static void close() throws Exception {
        if (index != null) {
            index.close();
        }
        if (solr != null) {
            solr.close();
        }
    }

    /** Three articles: one edited twice (the second time into traditional characters), one removed, one later. */
    private static Path mirror(Path directory) throws Exception {
        try (MirrorRepository mirror = MirrorRepository.create(directory)) {
            mirror.write("a.md", post("1", "新增确诊十二例", KEPT, LATER_REMOVED));
            mirror.write("b.md", post("2", "被删去的报道", KEPT));
            mirror.commit("add", Instant.parse("2021-03-01T08:00:00Z"));
            mirror.write("a.md", post("1", "新增确诊十二例", KEPT));
            mirror.commit("edit", Instant.parse("2021-04-01T08:00:00Z"));
            mirror.write("a.md", post("1", "新增確診十二例", "衛健委週一發佈通報，稱本市新增確診病例十二例，均已隔離治療。"));
            mirror.remove("b.md");
            mirror.commit("convert and take down", Instant.parse("2021-05-01T08:00:00Z"));
            mirror.write("c.md", post("3", "后来的报道", KEPT));
            mirror.commit("later", Instant.parse("2021-06-01T08:00:00Z"));
            mirror.write("c.md", post("3", "后来的报道", KEPT, "一段后来又被撤回的补充。"));
            mirror.commit("amend", Instant.parse("2021-07-01T08:00:00Z"));
            mirror.write("c.md", post("3", "后来的报道", KEPT));
            mirror.commit("revert the amendment", Instant.parse("2021-08-01T08:00:00Z"));
        }
        return directory;
    }

    private static String post(String number, String title, String... paragraphs) {
        return "---\ntitle: '" + title + "'\nsource_url: https://mirror.example.org/" + number
                + ".html\ndate: 2021-02-20\n---\n\n" + String.join("\n\n", paragraphs) + "\n";
    }

    private static GitIngest.Result ingestMirror(Path dataDir, ArticleSink sink, Path mirror) {
        IngestService service =
                new IngestService(new ArticleNormalizer(), new RawStore(dataDir), sink, 10 << 20, 4, Clock.systemUTC());
        return new GitIngest(service, new MirrorCheckpoints(dataDir), Clock.systemUTC())
                .ingest(mirror, "HEAD", null, IngestProgress.NONE);
    }

    private String edited() {
        return luceneMirror.report().files().get(0).id();
    }

    @Test
    void theIngestsReportAlikeAndKeepTheSameVersionsAndRemovals() {
        assertThat(solrMirror.report().files())
                .extracting(FileOutcome::path, FileOutcome::status, FileOutcome::id)
                .isEqualTo(luceneMirror.report().files().stream()
                        .map(file -> Tuple.tuple(file.path(), file.status(), file.id()))
                        .toList());
        assertThat(luceneMirror.report().count(FileOutcome.Status.VERSIONED)).isEqualTo(4);
        assertThat(luceneMirror.report().count(FileOutcome.Status.REMOVED)).isEqualTo(1);
        for (FileOutcome file : luceneMirror.report().files()) {
            ArticleHistory expected = lucene.history(file.id()).orElseThrow();
            ArticleHistory actual = cloud.history(file.id()).orElseThrow();
            assertThat(versionSources(actual)).isEqualTo(versionSources(expected));
            assertThat(actual.removals()).isEqualTo(expected.removals());
            assertThat(actual.current().text()).isEqualTo(expected.current().text());
            for (Article version : expected.versions()) {
                assertThat(actual.restores(version.version())).isEqualTo(expected.restores(version.version()));
            }
        }
        String reverted = luceneMirror.report().files().stream()
                .filter(file -> file.path().equals("c.md"))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(cloud.history(reverted).orElseThrow().restores(3)).hasValue(1);
        assertThat(cloud.history(edited()).orElseThrow().versions()).hasSize(3);
    }

    @Test
    void aConversionToTraditionalIsTheSameTextInBoth() {
        ArticleHistory fromSolr = cloud.history(edited()).orElseThrow();
        ArticleHistory embedded = lucene.history(edited()).orElseThrow();

        VersionDiff converted = VersionDiff.between(fromSolr.version(2).orElseThrow(), fromSolr.current());
        VersionDiff same = VersionDiff.between(embedded.version(2).orElseThrow(), embedded.current());

        assertThat(converted.sameTextOtherScript()).isTrue();
        assertThat(converted.fields()).isEqualTo(same.fields());
        assertThat(converted.paragraphs()).isEqualTo(same.paragraphs());
    }

    @Test
    void bothFindWhatOnlyAnEarlierVersionSaidAndSayWhichVersion() {
        for (SearchService engine : List.of(lucene, cloud)) {
            SearchResults earlier = engine.search(SearchRequest.of("三名记者被警方带走"));
            assertThat(earlier.hits()).singleElement().satisfies(hit -> {
                assertThat(hit.article().id()).isEqualTo(edited());
                assertThat(hit.matchedVersion()).isEqualTo(1);
            });
            SearchResults inTheCurrent = engine.search(SearchRequest.of("卫健委周一发布通报"));
            assertThat(inTheCurrent.hits())
                    .filteredOn(hit -> hit.article().id().equals(edited()))
                    .singleElement()
                    .satisfies(hit -> assertThat(hit.matchedVersion()).isNull());
        }
    }

    @Test
    void bothSortAndFilterByTheMirrorDate() {
        SearchRequest byMirror = new SearchRequest("", Map.of(), null, null, SortOrder.MIRRORED, 1, 10);
        assertThat(ids(cloud.search(byMirror)))
                .isEqualTo(ids(lucene.search(byMirror)))
                .hasSize(3);
        SearchRequest mayOnly = new SearchRequest(
                "",
                Map.of(),
                null,
                null,
                SortOrder.MIRRORED,
                1,
                10,
                null,
                true,
                null,
                new DateRange(LocalDate.parse("2021-04-15"), LocalDate.parse("2021-05-31")));
        assertThat(ids(cloud.search(mayOnly)))
                .isEqualTo(ids(lucene.search(mayOnly)))
                .containsExactly(edited());
    }

    private static List<String> versionSources(ArticleHistory history) {
        return history.versions().stream()
                .map(version -> version.version() + " " + version.provenance().sha256() + " "
                        + version.provenance().commit() + " "
                        + version.provenance().mirroredAt())
                .toList();
    }

    private static List<String> ids(SearchResults results) {
        return results.hits().stream().map(hit -> hit.article().id()).toList();
    }
}
