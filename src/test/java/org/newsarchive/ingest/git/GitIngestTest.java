package org.newsarchive.ingest.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.article.Article;
import org.newsarchive.ingest.FileOutcome;
import org.newsarchive.ingest.IngestProgress;
import org.newsarchive.ingest.IngestService;
import org.newsarchive.ingest.normalize.ArticleNormalizer;
import org.newsarchive.lucene.LuceneIndexWriter;
import org.newsarchive.lucene.LuceneSearchService;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchResults;
import org.newsarchive.store.RawStore;
import org.newsarchive.testing.MirrorRepository;
import org.newsarchive.version.ArticleHistory;
import org.newsarchive.version.Removal;
import tools.jackson.databind.json.JsonMapper;

/** Ingesting git mirrors that the tests build with JGit: edits, renames, removals, merges, encodings, bad repos. */
class GitIngestTest {

    private static final Instant MARCH = Instant.parse("2021-03-01T08:00:00Z");
    private static final Instant APRIL = Instant.parse("2021-04-01T08:00:00Z");
    private static final Instant MAY = Instant.parse("2021-05-01T08:00:00Z");
    private static final Instant JUNE = Instant.parse("2021-06-01T08:00:00Z");

    @TempDir
    Path dataDir;

    @TempDir
    Path repositoryDir;

    private final JsonMapper json = JsonMapper.builder().build();
    private final ChineseAnalysis analysis = new ChineseAnalysis();
    private LuceneIndexWriter index;
    private MirrorRepository mirror;

    @BeforeEach
    void open() throws Exception {
        index = new LuceneIndexWriter(dataDir.resolve("index"), analysis, json);
        mirror = MirrorRepository.create(repositoryDir);
    }

    @AfterEach
    void close() throws Exception {
        mirror.close();
        index.close();
    }

    private IngestService service() {
        return new IngestService(new ArticleNormalizer(), new RawStore(dataDir), index, 10 << 20, 2, Clock.systemUTC());
    }

    private GitIngest.Result ingest() {
        return ingest(service());
    }

    private GitIngest.Result ingest(IngestService service) {
        return new GitIngest(service, new MirrorCheckpoints(dataDir), Clock.systemUTC())
                .ingest(repositoryDir, "HEAD", null, IngestProgress.NONE);
    }

    /** A mirrored post: front matter naming its source, then its paragraphs. */
    static String post(String number, String title, String... paragraphs) {
        return "---\ntitle: '" + title + "'\nsource_url: https://news.example.org/" + number
                + ".html\ndate: 2021-02-20\n---\n\n" + String.join("\n\n", paragraphs) + "\n";
    }

    private static final String FIRST = "卫健委周一发布通报，称本市新增确诊病例十二例，均已隔离治疗。";
    private static final String SECOND = "通报说，全部病例都与此前公布的聚集性疫情有关，密切接触者已全部找到。";
    private static final String EDITED = "通报说，病例都与聚集性疫情有关。";

    private ArticleHistory history(String id) {
        return index.reader().history(id).orElseThrow();
    }

    private String idOf(GitIngest.Result result, String path) {
        return result.report().files().stream()
                .filter(file -> file.path().equals(path) && file.id() != null)
                .findFirst()
                .orElseThrow()
                .id();
    }

    @Test
    void eachEditIsAVersionWithItsCommitAndARerunAddsNothing() throws Exception {
        mirror.write("_posts/a.md", post("1", "新增确诊十二例", FIRST, SECOND));
        String march = mirror.commit("add", MARCH);
        mirror.write("_posts/a.md", post("1", "新增确诊十二例", FIRST, EDITED));
        String april = mirror.commit("edit", APRIL);
        mirror.write("_posts/a.md", post("1", "本市新增确诊病例", FIRST, EDITED));
        String may = mirror.commit("retitle", MAY);

        GitIngest.Result result = ingest();

        assertThat(result.commits()).isEqualTo(3);
        assertThat(result.report().files())
                .extracting(FileOutcome::status)
                .containsExactly(
                        FileOutcome.Status.INGESTED, FileOutcome.Status.VERSIONED, FileOutcome.Status.VERSIONED);
        ArticleHistory history = history(idOf(result, "_posts/a.md"));
        assertThat(history.versions())
                .extracting(
                        version -> version.provenance().commit(),
                        version -> version.provenance().mirroredAt())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(march, MARCH),
                        org.assertj.core.groups.Tuple.tuple(april, APRIL),
                        org.assertj.core.groups.Tuple.tuple(may, MAY));
        assertThat(history.versions()).extracting(Article::version).containsExactly(1, 2, 3);
        assertThat(history.current().title()).isEqualTo("本市新增确诊病例");
        assertThat(history.current().provenance().repository())
                .isEqualTo(repositoryDir.toAbsolutePath().toString());
        assertThat(history.version(1).orElseThrow().text()).contains(SECOND);

        GitIngest.Result again = ingest();
        assertThat(again.commits()).isZero();
        assertThat(again.report().files()).isEmpty();
        assertThat(history(history.id()).versions()).hasSize(3);

        mirror.write("_posts/b.md", post("2", "另一篇报道", FIRST));
        String june = mirror.commit("another", JUNE);
        GitIngest.Result next = ingest();
        assertThat(next.from()).isEqualTo(may);
        assertThat(next.to()).isEqualTo(june);
        assertThat(next.report().files())
                .extracting(FileOutcome::path, FileOutcome::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("_posts/b.md", FileOutcome.Status.INGESTED));
    }

    @Test
    void aSearchFindsWhatAnEarlierVersionSaidAndSaysWhichVersion() throws Exception {
        mirror.write("a.md", post("1", "新增确诊十二例", FIRST, SECOND));
        mirror.commit("add", MARCH);
        mirror.write("a.md", post("1", "新增确诊十二例", FIRST, EDITED));
        mirror.commit("edit", APRIL);
        String id = idOf(ingest(), "a.md");
        LuceneSearchService search = new LuceneSearchService(index.reader(), analysis);

        SearchResults removedText = search.search(SearchRequest.of("密切接触者已全部找到"));
        SearchResults keptText = search.search(SearchRequest.of("确诊病例十二例"));

        assertThat(removedText.hits()).singleElement().satisfies(hit -> {
            assertThat(hit.article().id()).isEqualTo(id);
            assertThat(hit.article().version()).isEqualTo(2);
            assertThat(hit.matchedVersion()).isEqualTo(1);
        });
        assertThat(keptText.hits())
                .singleElement()
                .satisfies(hit -> assertThat(hit.matchedVersion()).isNull());
    }

    @Test
    void aRenamedFileIsTheSameArticleAndARemovedOneIsAnEvent() throws Exception {
        mirror.write("a.md", post("1", "新增确诊十二例", FIRST, SECOND));
        mirror.write("b.md", post("2", "另一篇报道", FIRST));
        mirror.commit("add", MARCH);
        mirror.move("a.md", "2021/03/a.md");
        mirror.commit("move", APRIL);
        mirror.remove("b.md");
        String removal = mirror.commit("take down", MAY);

        GitIngest.Result result = ingest();

        assertThat(result.report().files())
                .extracting(FileOutcome::path, FileOutcome::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a.md", FileOutcome.Status.INGESTED),
                        org.assertj.core.groups.Tuple.tuple("b.md", FileOutcome.Status.INGESTED),
                        org.assertj.core.groups.Tuple.tuple("2021/03/a.md", FileOutcome.Status.UNCHANGED),
                        org.assertj.core.groups.Tuple.tuple("b.md", FileOutcome.Status.REMOVED));
        ArticleHistory moved = history(idOf(result, "a.md"));
        assertThat(moved.versions()).hasSize(1);
        assertThat(moved.removals()).isEmpty();
        ArticleHistory removed = history(idOf(result, "b.md"));
        assertThat(removed.current().text()).contains(FIRST);
        assertThat(removed.removals())
                .containsExactly(
                        new Removal("b.md", repositoryDir.toAbsolutePath().toString(), removal, MAY));
    }

    @Test
    void aMergeBringsNoDuplicateAndTheSameArticleUnderTwoPathsIsOneArticle() throws Exception {
        mirror.write("a.md", post("1", "新增确诊十二例", FIRST, SECOND));
        mirror.commit("add", MARCH);
        mirror.branch("side");
        mirror.write("a.md", post("1", "新增确诊十二例", FIRST, EDITED));
        String edit = mirror.commit("edit on a branch", APRIL);
        mirror.checkout("main");
        mirror.write("copies/a.md", post("1", "新增确诊十二例", FIRST, SECOND));
        mirror.commit("a second copy", APRIL.plusSeconds(60));
        mirror.merge("side", MAY);

        GitIngest.Result result = ingest();

        assertThat(result.commits()).isEqualTo(4);
        ArticleHistory history = history(idOf(result, "a.md"));
        assertThat(history.versions())
                .extracting(version -> version.provenance().mirroredAt())
                .containsExactly(MARCH, APRIL);
        assertThat(history.current().provenance().commit()).isEqualTo(edit);
        assertThat(result.report().count(FileOutcome.Status.INGESTED)).isEqualTo(1);
        assertThat(result.report().count(FileOutcome.Status.VERSIONED)).isEqualTo(1);
        assertThat(index.reader().count()).isEqualTo(1);
    }

    @Test
    void aFileInALegacyEncodingIsRead() throws Exception {
        Charset gb18030 = Charset.forName("GB18030");
        mirror.write("legacy.md", post("9", "旧镜像里的报道", FIRST, SECOND), gb18030);
        mirror.commit("legacy", MARCH);

        GitIngest.Result result = ingest();

        ArticleHistory history = history(idOf(result, "legacy.md"));
        assertThat(history.current().title()).isEqualTo("旧镜像里的报道");
        assertThat(history.current().text()).contains(SECOND);
        assertThat(history.current().provenance().encoding()).isEqualToIgnoringCase("GB18030");
    }

    @Test
    void aPathGlobChoosesTheFiles() throws Exception {
        mirror.write("_posts/a.md", post("1", "新增确诊十二例", FIRST));
        mirror.write("drafts/b.md", post("2", "另一篇报道", FIRST));
        mirror.commit("add", MARCH);

        GitIngest.Result result = new GitIngest(service(), new MirrorCheckpoints(dataDir), Clock.systemUTC())
                .ingest(repositoryDir, "main", "_posts/**", IngestProgress.NONE);

        assertThat(result.report().files()).extracting(FileOutcome::path).containsExactly("_posts/a.md");
    }

    /**
     * A mirror that goes A → B → A: the third state is a version of its own, current, restoring the first; a rebuild
     * from the raw store gives the same history, and the version list says so.
     */
    @Test
    void aRevertIsAVersionThatRestoresTheOneItReturnsTo() throws Exception {
        mirror.write("_posts/a.md", post("1", "新增确诊十二例", FIRST, SECOND));
        String march = mirror.commit("add", MARCH);
        mirror.write("_posts/a.md", post("1", "新增确诊十二例", FIRST, EDITED));
        mirror.commit("edit", APRIL);
        mirror.write("_posts/a.md", post("1", "新增确诊十二例", FIRST, SECOND));
        String may = mirror.commit("revert", MAY);

        GitIngest.Result result = ingest();

        assertThat(result.report().files())
                .extracting(FileOutcome::status)
                .containsExactly(
                        FileOutcome.Status.INGESTED, FileOutcome.Status.VERSIONED, FileOutcome.Status.VERSIONED);
        ArticleHistory history = history(idOf(result, "_posts/a.md"));
        assertThat(history.versions()).hasSize(3);
        assertThat(history.restores(3)).hasValue(1);
        assertThat(history.restores(2)).isEmpty();
        assertThat(history.current().text()).contains(SECOND);
        assertThat(history.current().provenance().commit()).isEqualTo(may);
        assertThat(history.version(1).orElseThrow().provenance().commit()).isEqualTo(march);
        org.newsarchive.representation.VersionList list =
                org.newsarchive.representation.VersionList.of(history, "http://archive.test");
        assertThat(list.versions())
                .extracting(org.newsarchive.representation.VersionList.Version::restores)
                .containsExactly(null, null, 1);
        assertThat(list.versions().get(2).change()).startsWith("restores version 1");

        service().reindex(IngestProgress.NONE);

        assertThat(history(history.id())).isEqualTo(history);
    }

    /** A file outside a mirror read A, then B, then A again is a revert too, and a rebuild keeps it. */
    @Test
    void aFolderReadAgainAfterARevertKeepsTheRevertThroughARebuild(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("a.md");
        for (String second : List.of(SECOND, EDITED, SECOND, SECOND)) {
            Files.writeString(file, post("1", "新增确诊十二例", FIRST, second));
            service().ingest(List.of(folder), false, IngestProgress.NONE);
        }
        String id = service()
                .ingest(List.of(folder), true, IngestProgress.NONE)
                .files()
                .get(0)
                .id();
        ArticleHistory history = history(id);
        assertThat(history.versions()).hasSize(3);
        assertThat(history.restores(3)).hasValue(1);

        service().reindex(IngestProgress.NONE);

        assertThat(history(id).versions())
                .extracting(version -> version.provenance().sha256())
                .isEqualTo(history.versions().stream()
                        .map(version -> version.provenance().sha256())
                        .toList());
        assertThat(history(id).restores(3)).hasValue(1);
    }

    @Test
    void reindexingTheRawStoreRebuildsEveryVersionAndRemovalInOrder() throws Exception {
        mirror.write("a.md", post("1", "新增确诊十二例", FIRST, SECOND));
        mirror.write("b.md", post("2", "另一篇报道", FIRST));
        mirror.commit("add", MARCH);
        mirror.write("a.md", post("1", "新增确诊十二例", FIRST, EDITED));
        mirror.commit("edit", APRIL);
        mirror.remove("b.md");
        mirror.commit("take down", MAY);
        GitIngest.Result result = ingest();
        ArticleHistory a = history(idOf(result, "a.md"));
        ArticleHistory b = history(idOf(result, "b.md"));

        service().reindex(IngestProgress.NONE);

        assertThat(sources(history(a.id()))).isEqualTo(sources(a));
        assertThat(history(a.id())).isEqualTo(a);
        assertThat(history(b.id()).removals()).isEqualTo(b.removals());
        assertThat(index.reader().count()).isEqualTo(2);
    }

    private static List<String> sources(ArticleHistory history) {
        return history.versions().stream()
                .map(version -> version.version() + " " + version.provenance().sha256() + " "
                        + version.provenance().commit() + " "
                        + version.provenance().mirroredAt() + " "
                        + version.provenance().ingestedAt())
                .toList();
    }

    @Test
    void aShallowCloneIsRefusedWithTheWayOut() throws Exception {
        mirror.write("a.md", post("1", "新增确诊十二例", FIRST));
        String head = mirror.commit("add", MARCH);
        Files.writeString(repositoryDir.resolve(".git/shallow"), head + "\n");

        assertThatThrownBy(this::ingest)
                .isInstanceOf(GitMirrorException.class)
                .hasMessageContaining("shallow clone")
                .hasMessageContaining("git fetch --unshallow");
    }

    @Test
    void aCorruptRepositoryIsNamedAndNothingOfItIsIngested() throws Exception {
        mirror.write("a.md", post("1", "新增确诊十二例", FIRST));
        mirror.commit("add", MARCH);
        ObjectId blob = mirror.blob("HEAD", "a.md");
        Path objects = repositoryDir.resolve(".git/objects");
        Files.delete(
                objects.resolve(blob.name().substring(0, 2)).resolve(blob.name().substring(2)));

        assertThatThrownBy(this::ingest)
                .isInstanceOf(GitMirrorException.class)
                .hasMessageContaining("corrupt")
                .hasMessageContaining("git fsck");
        assertThat(index.reader().count()).isZero();
    }

    @Test
    void aFolderThatIsNoRepositoryIsNamed() throws Exception {
        Path plain = Files.createDirectories(dataDir.resolve("plain"));
        assertThatThrownBy(() -> new GitIngest(service(), new MirrorCheckpoints(dataDir), Clock.systemUTC())
                        .ingest(plain, "HEAD", null, IngestProgress.NONE))
                .isInstanceOf(GitMirrorException.class)
                .hasMessageContaining("not a git repository");
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.map(path -> path.getFileName().toString())).doesNotContain("mirrors.tsv");
        }
    }
}
