package org.newsarchive.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsarchive.SyntheticCorpus;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.article.Article;
import org.newsarchive.capture.link.OriginalStatus;
import org.newsarchive.ingest.IngestProgress;
import org.newsarchive.ingest.IngestReport;
import org.newsarchive.ingest.IngestService;
import org.newsarchive.ingest.normalize.ArticleNormalizer;
import org.newsarchive.lucene.LuceneIndexWriter;
import org.newsarchive.lucene.LuceneSearchService;
import org.newsarchive.query.QuerySyntax;
import org.newsarchive.schema.OriginalStatuses;
import org.newsarchive.search.FacetCount;
import org.newsarchive.search.FacetOptions;
import org.newsarchive.search.SearchHit;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchResults;
import org.newsarchive.search.SearchService;
import org.newsarchive.search.SortOrder;
import org.newsarchive.store.RawStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same articles in the embedded index and in a 2-node SolrCloud (2 shards × 2 replicas) give the same answers:
 * hit counts, top-10 ids up to score ties, facet counts, fallbacks, marked terms, related articles and copies.
 */
class SolrParityTest {

    private static final int CORPUS_ARTICLES = 1_000;
    private static final float SCORE_TIE = 1e-3f;
    private static final Pattern MARK = Pattern.compile("<mark>(.*?)</mark>");

    @TempDir
    static Path workDir;

    private static TestSolrCloud solr;
    private static LuceneIndexWriter index;
    private static SearchService lucene;
    private static SearchService cloud;
    private static IngestReport luceneIngest;
    private static IngestReport solrIngest;
    private static final ChineseAnalysis analysis = new ChineseAnalysis();

    @BeforeAll
    static void ingestIntoBoth() throws Exception {
        Path corpus = SyntheticCorpus.writeDistinct(workDir.resolve("corpus"), CORPUS_ARTICLES);
        try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
            for (Path seed : seeds.toList()) {
                Files.copy(seed, corpus.resolve(seed.getFileName()));
            }
        }
        JsonMapper json = JsonMapper.builder().build();
        solr = new TestSolrCloud(workDir.resolve("solr"));
        index = new LuceneIndexWriter(workDir.resolve("lucene/index"), analysis, json, SolrParityTest::originalOf);
        lucene = new LuceneSearchService(index.reader(), analysis);
        cloud = new SolrSearchService(solr.collection, analysis, json);
        SolrArticleSink sink = new SolrArticleSink(
                solr.collection, analysis, json, TestSolrCloud.WRITE_RETRIES, 200, SolrParityTest::originalOf);
        luceneIngest = ingest(workDir.resolve("lucene"), index, corpus);
        solrIngest = ingest(workDir.resolve("solr-raw"), sink, corpus);
    }

    /** Every status of an original, spread over the articles by their source URL, the same for both engines. */
    private static String originalOf(String sourceUrl) {
        if (sourceUrl == null) {
            return OriginalStatuses.UNCHECKED;
        }
        OriginalStatus[] statuses = OriginalStatus.values();
        return statuses[Math.floorMod(sourceUrl.hashCode(), statuses.length)].label();
    }

    private static IngestReport ingest(Path dataDir, org.newsarchive.ingest.ArticleSink sink, Path corpus) {
        IngestService service =
                new IngestService(new ArticleNormalizer(), new RawStore(dataDir), sink, 10 << 20, 4, Clock.systemUTC());
        return service.ingest(List.of(corpus), false, IngestProgress.NONE);
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

    @Test
    void bothBackendsHoldEveryArticle() {
        for (var status : org.newsarchive.ingest.FileOutcome.Status.values()) {
            assertThat(solrIngest.count(status)).as(status.name()).isEqualTo(luceneIngest.count(status));
        }
        SearchResults all = lucene.search(SearchRequest.of(""));
        assertThat(all.total()).isGreaterThan(CORPUS_ARTICLES / 2);
        assertThat(cloud.search(SearchRequest.of("")).total()).isEqualTo(all.total());
        assertThat(cloud.overview()).isEqualTo(lucene.overview());
    }

    /**
     * Field searches and filters match a value whatever its script, width or case, and a plain query finds an
     * article by its publisher, channel or tags, alike in both engines.
     */
    @ParameterizedTest
    @CsvSource({
        "publisher:gnews, GNews",
        "publisher:ＧＮＥＷＳ, GNews",
        "publisher:大紀元, 大纪元",
        "publisher:zaker, ZAKER",
        "tag:醫保, 医保",
        "tag:水滴互助, 水滴互助"
    })
    void fieldSearchesAndFiltersFoldTheirValues(String fieldQuery, String storedValue) {
        String dimension = fieldQuery.substring(0, fieldQuery.indexOf(':'));
        String asTyped = fieldQuery.substring(fieldQuery.indexOf(':') + 1);
        SearchRequest exact =
                new SearchRequest("", Map.of(dimension, List.of(storedValue)), null, null, SortOrder.NEWEST, 1, 10);
        long expected = lucene.search(exact).total();
        assertThat(expected).as("articles with %s %s", dimension, storedValue).isPositive();

        SearchRequest folded =
                new SearchRequest("", Map.of(dimension, List.of(asTyped)), null, null, SortOrder.NEWEST, 1, 10);
        for (SearchService engine : List.of(lucene, cloud)) {
            assertThat(engine.search(SearchRequest.of(fieldQuery)).total())
                    .as(fieldQuery)
                    .isEqualTo(expected);
            SearchResults filtered = engine.search(folded);
            assertThat(filtered.total()).as("filter %s=%s", dimension, asTyped).isEqualTo(expected);
            assertThat(filtered.facets()).isEqualTo(engine.search(exact).facets());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"大纪元", "看中国", "GNews", "ZAKER", "gnews"})
    void aPublishersNameFindsItsArticlesAfterThoseThatMentionIt(String name) {
        SearchResults found = lucene.search(SearchRequest.of(name));
        SearchResults byField = lucene.search(SearchRequest.of("publisher:" + name));
        assertThat(byField.total()).isPositive();
        assertThat(found.total()).isGreaterThanOrEqualTo(byField.total());
        assertThat(cloud.search(SearchRequest.of(name)).total()).isEqualTo(found.total());
        List<String> mentioning = lucene.search(SearchRequest.of("title:" + name)).hits().stream()
                .map(hit -> hit.article().id())
                .toList();
        if (!mentioning.isEmpty()) {
            assertThat(found.hits().get(0).article().id()).isIn(mentioning);
        }
    }

    static Stream<SearchRequest> requests() {
        Map<String, List<String>> none = Map.of();
        return Stream.of(
                SearchRequest.of("美国"),
                SearchRequest.of("郭文貴"),
                SearchRequest.of("新中國聯邦"),
                SearchRequest.of("\"喜马拉雅\""),
                SearchRequest.of("中共 病毒"),
                SearchRequest.of("美国 -中共"),
                SearchRequest.of("title:美国"),
                SearchRequest.of("港"),
                SearchRequest.of("疫苗 OR 病毒"),
                SearchRequest.of("郭文贵 zzqqxxyy"),
                SearchRequest.of("\"unclosed"),
                new SearchRequest("中共", Map.of("year", List.of("2021")), null, null, SortOrder.RELEVANCE, 1, 10),
                new SearchRequest(
                        "美国",
                        Map.of("year", List.of("2021", "2022"), "language", List.of("zh-Hans")),
                        null,
                        null,
                        SortOrder.RELEVANCE,
                        2,
                        10),
                new SearchRequest(
                        "", none, LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31), SortOrder.NEWEST, 1, 10),
                new SearchRequest("中国", none, null, null, SortOrder.OLDEST, 1, 10),
                new SearchRequest("", Map.of("original", List.of("gone")), null, null, SortOrder.NEWEST, 1, 10),
                new SearchRequest(
                        "中国", Map.of("original", List.of("online", "moved")), null, null, SortOrder.RELEVANCE, 1, 10),
                new SearchRequest("", none, null, null, SortOrder.NEWEST, 1, 10),
                new SearchRequest("中国", Map.of("year", List.of("2021")), null, null, SortOrder.RELEVANCE, 1, 0)
                        .withFacets(new FacetOptions(5, FacetOptions.Order.VALUE)),
                new SearchRequest("", none, null, null, SortOrder.NEWEST, 1, 0)
                        .withFacets(FacetOptions.all(FacetOptions.Order.COUNT)));
    }

    @ParameterizedTest
    @MethodSource("requests")
    void sameCountsFacetsAndTopTen(SearchRequest request) {
        SearchResults expected = lucene.search(request);
        SearchResults actual = cloud.search(request);
        assertThat(actual.total()).as("total").isEqualTo(expected.total());
        assertThat(actual.totalIsExact()).isEqualTo(expected.totalIsExact());
        assertThat(actual.fallback()).isEqualTo(expected.fallback());
        assertThat(actual.facets()).as("facets").isEqualTo(expected.facets());
        assertSameRanking(request.sort(), expected.hits(), actual.hits());
        for (int i = 0; i < Math.min(expected.hits().size(), actual.hits().size()); i++) {
            if (expected.hits()
                    .get(i)
                    .article()
                    .id()
                    .equals(actual.hits().get(i).article().id())) {
                assertThat(actual.hits().get(i).copies())
                        .as("copies at rank %d", i + 1)
                        .isEqualTo(expected.hits().get(i).copies());
            }
        }
    }

    /**
     * Titles are marked identically. Snippets may be cut at different sentences (Solr breaks with the JDK's
     * sentence rules, the embedded index with the archive's own), so for them: both mark the same query terms, and
     * neither marks anything else.
     */
    @ParameterizedTest
    @MethodSource("requests")
    void snippetsMarkTheSameTerms(SearchRequest request) {
        List<SearchHit> expected = lucene.search(request).hits();
        List<SearchHit> actual = cloud.search(request).hits();
        assertThat(marks(actual, true)).as("titles").isEqualTo(marks(expected, true));
        Set<String> terms = queryTerms(request);
        Set<String> expectedMarks = marks(expected, false);
        Set<String> actualMarks = marks(actual, false);
        assertThat(covered(terms, actualMarks)).as("terms marked").isEqualTo(covered(terms, expectedMarks));
        assertThat(actualMarks).allSatisfy(mark -> assertThat(terms).anyMatch(mark::contains));
    }

    private static Set<String> queryTerms(SearchRequest request) {
        Set<String> terms = new TreeSet<>();
        QuerySyntax.parse(request.query())
                .groups()
                .forEach(group -> group.forEach(clause -> terms.add(ChineseAnalysis.fold(clause.text()))));
        return terms;
    }

    private static Set<String> covered(Set<String> terms, Set<String> marks) {
        Set<String> covered = new TreeSet<>();
        for (String term : terms) {
            if (marks.stream().anyMatch(mark -> mark.contains(term))) {
                covered.add(term);
            }
        }
        return covered;
    }

    /** The folded marked strings of the hits, in their titles or their snippets. */
    private static Set<String> marks(List<SearchHit> hits, boolean titles) {
        Set<String> marks = new TreeSet<>();
        for (SearchHit hit : hits) {
            Matcher mark = MARK.matcher(titles ? hit.titleHighlighted() : hit.snippet());
            while (mark.find()) {
                marks.add(ChineseAnalysis.fold(mark.group(1)));
            }
        }
        return marks;
    }

    /** Query text and filter values reach Solr only as data: no local parameters, no query injection. */
    @ParameterizedTest
    @MethodSource("hostileQueries")
    void hostileInputIsDataOnBothBackends(String hostile) {
        SearchRequest query = SearchRequest.of(hostile);
        assertThat(cloud.search(query).total()).isEqualTo(lucene.search(query).total());
        SearchRequest filter =
                new SearchRequest("", Map.of("publisher", List.of(hostile)), null, null, SortOrder.RELEVANCE, 1, 10);
        assertThat(cloud.search(filter).total())
                .isEqualTo(lucene.search(filter).total())
                .isZero();
        assertThat(cloud.suggest(hostile, 5)).isEqualTo(lucene.suggest(hostile, 5));
    }

    static Stream<String> hostileQueries() {
        return Stream.of(
                "{!xmlparser v='<!DOCTYPE a SYSTEM \"http://127.0.0.1/\"><a/>'}",
                "*:*",
                "_query_:\"{!lucene}*:*\"",
                "{!terms f=id}a,b",
                "a\" OR *:* OR \"b",
                "${jndi:ldap://127.0.0.1/a}",
                "title:",
                "\\",
                "(((",
                "AND OR NOT",
                "\"\"",
                "-",
                "美国\u0000中共",
                "美".repeat(SearchRequest.MAX_QUERY_LENGTH));
    }

    @Test
    void theOriginalsFacetAndFilterAgree() {
        SearchRequest all = new SearchRequest("", Map.of(), null, null, SortOrder.NEWEST, 1, 0)
                .withFacets(FacetOptions.all(FacetOptions.Order.VALUE));
        List<FacetCount> expected = lucene.search(all).facets().get("original");

        assertThat(expected).extracting(FacetCount::value).contains("gone", "online", "unchecked");
        assertThat(cloud.search(all).facets().get("original")).isEqualTo(expected);
        for (FacetCount status : expected) {
            SearchRequest filtered = new SearchRequest(
                    "", Map.of("original", List.of(status.value())), null, null, SortOrder.NEWEST, 1, 0);
            assertThat(lucene.search(filtered).total()).as(status.value()).isEqualTo(status.count());
            assertThat(cloud.search(filtered).total()).as(status.value()).isEqualTo(status.count());
        }
    }

    @Test
    void relatedArticlesAndCopiesMatch() {
        List<String> sampleIds = lucene.search(SearchRequest.of("美国")).hits().stream()
                .limit(5)
                .map(hit -> hit.article().id())
                .toList();
        for (String id : sampleIds) {
            Article expected = lucene.find(id).orElseThrow();
            Article actual = cloud.find(id).orElseThrow();
            assertThat(actual)
                    .usingRecursiveComparison()
                    .ignoringFields("provenance.ingestedAt")
                    .isEqualTo(expected);
            assertThat(ids(cloud.copies(id))).containsExactlyInAnyOrderElementsOf(ids(lucene.copies(id)));
            assertThat(cloud.related(id, 5)).isNotEmpty();
        }
        assertThat(cloud.suggest("美国", 5)).isNotEmpty();
        assertThat(cloud.facetValues("publisher")).isEqualTo(lucene.facetValues("publisher"));
        assertThat(cloud.indexSizeBytes()).isPositive();
    }

    /** The corpus holds copies of one story (near-identical texts), so the copy counts above are put to the test. */
    @Test
    void storiesWithCopiesAreCountedAlike() {
        List<SearchHit> withCopies =
                lucene.search(new SearchRequest("", Map.of(), null, null, SortOrder.NEWEST, 1, 100)).hits().stream()
                        .filter(hit -> hit.copies() > 1)
                        .toList();
        assertThat(withCopies).isNotEmpty();
        for (SearchHit hit : withCopies) {
            assertThat(cloud.copies(hit.article().id())).hasSize(hit.copies());
        }
    }

    @Test
    void exportsTheSameArticlesInTheSameOrder() {
        SearchRequest request = new SearchRequest("美国", Map.of(), null, null, SortOrder.NEWEST, 1, 20);
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        long expectedCount = lucene.forEachMatch(request, article -> expected.add(article.id()));
        long actualCount = cloud.forEachMatch(request, article -> actual.add(article.id()));
        assertThat(actualCount).isEqualTo(expectedCount).isPositive();
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);

        SearchRequest anyTerm = new SearchRequest("美国 qqqzzzxxx", Map.of(), null, null, SortOrder.NEWEST, 1, 20);
        long expectedAny = lucene.forEachMatch(anyTerm, article -> {});
        assertThat(expectedAny).as("the any-term fallback exports").isPositive();
        assertThat(cloud.forEachMatch(anyTerm, article -> {})).isEqualTo(expectedAny);
        assertThat(lucene.forEachMatch(anyTerm.withAnyTermFallback(false), article -> {}))
                .isZero();
        assertThat(cloud.forEachMatch(anyTerm.withAnyTermFallback(false), article -> {}))
                .isZero();
    }

    @Test
    void cursorWalksGiveTheSameArticlesOnceEach() {
        for (SortOrder order : SortOrder.values()) {
            SearchRequest first =
                    new SearchRequest("美国", Map.of(), null, null, order, 1, 37).withCursor(SearchRequest.FIRST_CURSOR);
            List<String> expected = walk(lucene, first);
            List<String> actual = walk(cloud, first);

            assertThat(expected).as("%s", order).doesNotHaveDuplicates().hasSize((int)
                    lucene.search(first).total());
            assertThat(actual).as("%s", order).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static List<String> walk(SearchService engine, SearchRequest first) {
        List<String> ids = new ArrayList<>();
        SearchRequest request = first;
        while (request != null) {
            SearchResults page = engine.search(request);
            page.hits().forEach(hit -> ids.add(hit.article().id()));
            request = page.nextCursor() == null ? null : request.withCursor(page.nextCursor());
        }
        return ids;
    }

    private static List<String> ids(List<org.newsarchive.article.Article> articles) {
        return articles.stream().map(org.newsarchive.article.Article::id).toList();
    }

    /**
     * Same ids at each rank, except where both ranks hold equal sort keys (a tie either engine may break its own
     * way); and above the last tie, the same set.
     */
    private static void assertSameRanking(SortOrder sort, List<SearchHit> expected, List<SearchHit> actual) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            String want = expected.get(i).article().id();
            String got = actual.get(i).article().id();
            if (!want.equals(got)) {
                assertThat(key(sort, actual.get(i)))
                        .as("rank %d: %s instead of %s, not a tie", i + 1, got, want)
                        .isCloseTo(
                                key(sort, expected.get(i)),
                                org.assertj.core.data.Offset.offset(
                                        Math.max(SCORE_TIE, Math.abs(key(sort, expected.get(i))) * SCORE_TIE)));
            }
        }
        if (!expected.isEmpty()) {
            double last = key(sort, expected.get(expected.size() - 1));
            double margin = Math.max(SCORE_TIE, Math.abs(last) * SCORE_TIE);
            assertThat(idsAbove(sort, actual, last, margin)).isEqualTo(idsAbove(sort, expected, last, margin));
        }
    }

    private static Set<String> idsAbove(SortOrder sort, List<SearchHit> hits, double last, double margin) {
        Set<String> ids = new TreeSet<>();
        for (SearchHit hit : hits) {
            if (Math.abs(key(sort, hit) - last) > margin) {
                ids.add(hit.article().id());
            }
        }
        return ids;
    }

    private static double key(SortOrder sort, SearchHit hit) {
        if (sort == SortOrder.RELEVANCE) {
            return hit.score();
        }
        return hit.article().publishedAt() == null
                ? Double.MAX_VALUE
                : hit.article().publishedAt().sortInstant().toEpochMilli();
    }
}
