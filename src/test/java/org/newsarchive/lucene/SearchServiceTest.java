package org.newsarchive.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.article.Article;
import org.newsarchive.ingest.normalize.ArticleNormalizer;
import org.newsarchive.ingest.normalize.NormalizationResult;
import org.newsarchive.search.FacetCount;
import org.newsarchive.search.SearchHit;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchResults;
import org.newsarchive.search.SearchService;
import org.newsarchive.search.SortOrder;
import tools.jackson.databind.json.JsonMapper;

/** Search over a real on-disk index holding the seeds and a few articles written for the cases below. */
class SearchServiceTest {

    @TempDir
    static Path dataDir;

    private static LuceneIndexWriter index;
    private static SearchService search;

    private static final String TRADITIONAL = """
            ---
            title: 網絡互助平台相繼關停
            date: 2021-05-01T08:00:00Z
            from: https://www.rfa.org/mandarin/2021/05/01/huzhu.html
            tags: [互助]
            ---
            <p>多家網絡互助平台宣布關停，支付寶旗下的相互寶也受到影響。頭髮很乾的會員表示擔憂。</p>
            """;

    private static final String ENGLISH_MIXED = """
            ---
            title: 硅谷银行SVB倒闭
            date: 2023-03-11T02:51:00Z
            from: https://gnews.org/articles/1002874
            ---
            <p>Silicon Valley Bank 于 2023 年 3 月倒闭，ＡＢＣ１２３ 是全角字符。</p>
            """;

    @BeforeAll
    static void indexArticles() throws Exception {
        index = new LuceneIndexWriter(
                dataDir.resolve("index"),
                new ChineseAnalysis(),
                JsonMapper.builder().build());
        search = new LuceneSearchService(index.reader(), new ChineseAnalysis());
        ArticleNormalizer normalizer = new ArticleNormalizer();
        try (var seeds = Files.list(Path.of("seeds"))) {
            for (Path seed : seeds.sorted().toList()) {
                index.save(normalize(normalizer, Files.readAllBytes(seed)));
            }
        }
        index.save(normalize(normalizer, TRADITIONAL.getBytes(StandardCharsets.UTF_8)));
        index.save(normalize(normalizer, ENGLISH_MIXED.getBytes(StandardCharsets.UTF_8)));
        index.commit();
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    private static Article normalize(ArticleNormalizer normalizer, byte[] bytes) {
        return ((NormalizationResult.Normalized) normalizer.normalize(bytes, "t.md", Instant.now())).article();
    }

    private static SearchResults query(String text) {
        return search.search(SearchRequest.of(text));
    }

    private static List<String> titles(SearchResults results) {
        return results.hits().stream().map(hit -> hit.article().title()).toList();
    }

    @Test
    void simplifiedAndTraditionalFindEachOther() {
        assertThat(titles(query("网络互助"))).contains("網絡互助平台相繼關停", "中国最大网络互助平台“相互宝”被关停");
        assertThat(titles(query("網絡互助"))).isEqualTo(titles(query("网络互助")));
        assertThat(titles(query("關停"))).contains("大陆第二大互助平台水滴互助关停 会员过亿");
        assertThat(titles(query("支付宝"))).contains("網絡互助平台相繼關停");
    }

    @Test
    void twoCharacterWordsInsideLongerWordsAreFound() {
        assertThat(titles(query("络互"))).contains("網絡互助平台相繼關停");
        assertThat(query("助").total()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void quotedPhraseIsAnExactSubstring() {
        assertThat(titles(query("\"水滴互助发布公告\""))).isEmpty();
        assertThat(titles(query("\"水滴互助”发布公告\""))).containsExactly("大陆第二大互助平台水滴互助关停 会员过亿");
        assertThat(titles(query("\"头发很干\""))).containsExactly("網絡互助平台相繼關停");
    }

    @Test
    void highlightsMarkTheOriginalCharacters() {
        SearchHit hit = query("网络互助").hits().stream()
                .filter(candidate -> candidate.article().title().startsWith("網絡"))
                .findFirst()
                .orElseThrow();

        assertThat(hit.titleHighlighted()).contains("<mark>網絡互助</mark>");
        assertThat(hit.snippet()).contains("<mark>網絡互助</mark>");
    }

    @Test
    void aQuotedCaptionFindsItsArticleAndIsMarked() {
        SearchResults results = query("\"宋碧龙\"");

        assertThat(titles(results)).containsExactly("中国最大网络互助平台“相互宝”被关停");
        assertThat(results.hits().get(0).snippet()).contains("（<mark>宋碧龙</mark>／");
    }

    @Test
    void highlightsAreHtmlEscaped() {
        SearchHit hit = query("SVB").hits().get(0);

        assertThat(hit.titleHighlighted()).isEqualTo("硅谷银行<mark>SVB</mark>倒闭");
    }

    @Test
    void widthAndCaseAreFolded() {
        assertThat(titles(query("abc123"))).containsExactly("硅谷银行SVB倒闭");
        assertThat(titles(query("silicon valley"))).containsExactly("硅谷银行SVB倒闭");
    }

    @Test
    void exclusionOrAndFieldFilters() {
        assertThat(titles(query("互助 -支付宝"))).doesNotContain("網絡互助平台相繼關停").isNotEmpty();
        assertThat(titles(query("相互宝 OR SVB"))).contains("硅谷银行SVB倒闭", "中国最大网络互助平台“相互宝”被关停");
        assertThat(titles(query("title:关停 publisher:大纪元")))
                .containsExactlyInAnyOrder("大陆第二大互助平台水滴互助关停 会员过亿", "中国最大网络互助平台“相互宝”被关停");
        assertThat(titles(query("author:李冰"))).containsExactly("中国最大网络互助平台“相互宝”被关停");
        assertThat(titles(query("site:epochtimes.com"))).hasSize(2);
        assertThat(titles(query("tag:水滴筹"))).containsExactly("大陆第二大互助平台水滴互助关停 会员过亿");
    }

    @Test
    void brokenSyntaxFallsBackToPlainTerms() {
        SearchResults results = query("\"相互宝 OR");

        assertThat(results.fallback()).isEqualTo(SearchResults.Fallback.PLAIN_TERMS);
        assertThat(titles(results)).contains("中国最大网络互助平台“相互宝”被关停");
    }

    @Test
    void noArticleWithEveryTermFallsBackToAnyTerm() {
        SearchResults results = query("相互宝 不存在的词语组合");

        assertThat(results.fallback()).isEqualTo(SearchResults.Fallback.ANY_TERM);
        assertThat(titles(results)).contains("中国最大网络互助平台“相互宝”被关停");
    }

    @Test
    void facetFiltersCountSideways() {
        SearchRequest request =
                new SearchRequest("互助", Map.of("publisher", List.of("大纪元")), null, null, SortOrder.RELEVANCE, 1, 20);

        SearchResults results = search.search(request);

        assertThat(results.hits())
                .allSatisfy(hit -> assertThat(hit.article().publisher()).isEqualTo("大纪元"));
        assertThat(results.facets().get("publisher"))
                .extracting(FacetCount::value)
                .contains("大纪元", "看中国", "GNews");
    }

    @Test
    void dateRangeAndSortOrders() {
        SearchRequest range = new SearchRequest(
                "", Map.of(), LocalDate.of(2021, 10, 1), LocalDate.of(2021, 12, 31), SortOrder.OLDEST, 1, 20);
        assertThat(titles(search.search(range))).containsExactly("又一互助平台宣布关停，将返还全部分摊费用", "中国最大网络互助平台“相互宝”被关停");

        SearchRequest newest = new SearchRequest("", Map.of(), null, null, SortOrder.NEWEST, 1, 2);
        assertThat(titles(search.search(newest))).containsExactly("硅谷银行SVB倒闭", "中国最大网络互助平台“相互宝”被关停");
    }

    @Test
    void titleMatchesRankFirst() {
        assertThat(titles(query("水滴互助关停")).get(0)).isEqualTo("大陆第二大互助平台水滴互助关停 会员过亿");
    }

    @Test
    void copiesOfOneStoryAreShownOnceWithTheirCount() throws Exception {
        ArticleNormalizer normalizer = new ArticleNormalizer();
        String original = Files.readString(Path.of("seeds/003_4984534a3bff97df.txt"));
        String edited = original.replace("https://gnews.org/zh-hans/1039409/", "https://example.org/mirror/copy.html")
                .replace("（本文仅代表个人观点）", "（本文仅代表作者个人观点）");
        Article copy = normalize(normalizer, edited.getBytes(StandardCharsets.UTF_8));
        index.save(copy);
        index.commit();
        try {
            SearchResults results = query("轻松互助");
            List<SearchHit> story = results.hits().stream()
                    .filter(hit -> hit.article().title().equals("绝人生路的叫停 究竟动了谁的奶酪？"))
                    .toList();

            assertThat(story)
                    .singleElement()
                    .satisfies(hit -> assertThat(hit.copies()).isEqualTo(2));
            assertThat(results.total()).isEqualTo(titles(results).size() + 1L);
        } finally {
            index.delete(copy.id());
            index.commit();
        }
    }

    @Test
    void relatedArticlesShareDistinctiveWords() {
        String id = query("\"水滴筹被指曾雇用大量人员地推\"").hits().get(0).article().id();

        List<Article> related = search.related(id, 3);

        assertThat(related).hasSize(3).noneMatch(article -> article.id().equals(id));
        assertThat(related).extracting(Article::title).doesNotContain("硅谷银行SVB倒闭");
    }

    @Test
    void suggestionsCompleteTitlesInEitherScript() {
        assertThat(search.suggest("网络互助", 5)).first().isEqualTo("網絡互助平台相繼關停");
        assertThat(search.suggest("硅谷", 5)).containsExactly("硅谷银行SVB倒闭");
        assertThat(search.suggest("相互宝", 5)).contains("中国最大网络互助平台“相互宝”被关停");
        assertThat(search.suggest(" ", 5)).isEmpty();
    }

    @Test
    void pagesBeyondTheDepthLimitAreCapped() {
        SearchResults results = search.search(new SearchRequest("", Map.of(), null, null, SortOrder.NEWEST, 1000, 100));

        assertThat(results.pageCapped()).isTrue();
        assertThat(results.page()).isEqualTo(100);
        assertThat(results.total()).isEqualTo(7);
        assertThat(results.totalIsExact()).isTrue();
    }

    @Test
    void upsertReplacesAndDeleteRemoves() {
        Article article = search.find(query("SVB").hits().get(0).article().id()).orElseThrow();
        index.save(article);
        index.commit();
        assertThat(query("").total()).isEqualTo(7);

        assertThat(index.delete(article.id())).isTrue();
        index.commit();
        assertThat(search.find(article.id())).isEmpty();

        index.save(article);
        index.commit();
        assertThat(query("").total()).isEqualTo(7);
    }
}
