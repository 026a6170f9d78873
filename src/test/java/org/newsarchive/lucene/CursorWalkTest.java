package org.newsarchive.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.article.Article;
import org.newsarchive.ingest.normalize.ArticleNormalizer;
import org.newsarchive.ingest.normalize.NormalizationResult;
import org.newsarchive.search.InvalidCursorException;
import org.newsarchive.search.SearchHit;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchResults;
import org.newsarchive.search.SortOrder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks a real on-disk index with cursors: every matching article comes exactly once, copies included, in the
 * request's order, and a walk goes on unharmed while articles are added and removed and segments change.
 */
class CursorWalkTest {

    @TempDir
    Path dataDir;

    private final ArticleNormalizer normalizer = new ArticleNormalizer();
    private LuceneIndexWriter index;
    private LuceneSearchService search;

    @BeforeEach
    void indexArticles() {
        index = new LuceneIndexWriter(
                dataDir.resolve("index"),
                new ChineseAnalysis(),
                JsonMapper.builder().build());
        search = new LuceneSearchService(index.reader(), new ChineseAnalysis());
        for (int i = 0; i < 23; i++) {
            // Dates repeat, so that ties in the order are common; every fifth article is undated.
            index.save(article(i, i % 5 == 4 ? null : "2021-0" + (1 + i % 3) + "-10T08:00:00Z"));
        }
        // Two copies of one story, which numbered pages show once and a cursor walk shows both of.
        index.save(article(100, "2022-01-01T00:00:00Z", "香港报道", "同一篇报道的正文，香港记者发自现场。"));
        index.save(article(101, "2022-01-02T00:00:00Z", "香港报道", "同一篇报道的正文，香港记者发自现场。"));
        index.commit();
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    private Article article(int number, String date) {
        return article(number, date, "香港新闻第" + number + "篇", "香港的新闻，第" + number + "篇正文，另有编号" + (number * 7919) + "。");
    }

    private Article article(int number, String date, String title, String body) {
        String markdown = "---\ntitle: " + title + "\n" + (date == null ? "" : "date: " + date + "\n")
                + "from: https://example.org/news/" + number + ".html\n---\n" + body + "\n";
        return ((NormalizationResult.Normalized) normalizer.normalize(
                        markdown.getBytes(StandardCharsets.UTF_8), number + ".md", ingestedAt(number)))
                .article();
    }

    /** Ingest times in an order of their own, neither the numbers' nor the dates'. */
    private static Instant ingestedAt(int number) {
        return Instant.ofEpochSecond(1_700_000_000L + (number * 7919L) % 1000);
    }

    private static SearchRequest walk(String query, SortOrder order, int size) {
        return new SearchRequest(query, Map.of(), null, null, order, 1, size).withCursor(SearchRequest.FIRST_CURSOR);
    }

    private List<SearchHit> walkAll(SearchRequest first) {
        List<SearchHit> seen = new ArrayList<>();
        SearchRequest request = first;
        while (request != null) {
            SearchResults page = search.search(request);
            assertThat(page.hits()).hasSizeLessThanOrEqualTo(request.size());
            seen.addAll(page.hits());
            request = page.nextCursor() == null ? null : request.withCursor(page.nextCursor());
        }
        return seen;
    }

    private static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(hit -> hit.article().id()).toList();
    }

    @ParameterizedTest
    @EnumSource(SortOrder.class)
    void aWalkGivesEveryMatchOnceWithCopiesInTheRequestsOrder(SortOrder order) {
        List<SearchHit> walked = walkAll(walk("香港", order, 4));
        List<String> matches = new ArrayList<>();
        search.forEachMatch(walk("香港", order, 1), article -> matches.add(article.id()));

        assertThat(ids(walked))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(matches)
                .hasSize(25);
        if (order == SortOrder.RELEVANCE) {
            assertThat(walked).extracting(SearchHit::score).isSortedAccordingTo((a, b) -> Float.compare(b, a));
        } else if (order == SortOrder.INGESTED) {
            assertThat(walked)
                    .extracting(hit -> hit.article().provenance().ingestedAt())
                    .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        } else if (order == SortOrder.MIRRORED) {
            // No article here was read from a mirror: all tie, and the walk breaks ties by id.
            assertThat(walked)
                    .allSatisfy(hit ->
                            assertThat(hit.article().provenance().mirroredAt()).isNull());
            assertThat(ids(walked)).isSorted();
        } else {
            List<Long> dates = walked.stream()
                    .map(hit -> hit.article().publishedAt() == null
                            ? Long.MAX_VALUE
                            : hit.article().publishedAt().sortInstant().toEpochMilli())
                    .toList();
            List<Long> dated =
                    dates.stream().filter(date -> date != Long.MAX_VALUE).toList();
            assertThat(dated)
                    .isSortedAccordingTo(order == SortOrder.NEWEST ? (a, b) -> Long.compare(b, a) : Long::compare);
            assertThat(dates.subList(dated.size(), dates.size()))
                    .as("undated last")
                    .containsOnly(Long.MAX_VALUE);
        }
    }

    @Test
    void theLastPageSaysThereIsNoNextOne() {
        SearchResults all = search.search(walk("香港", SortOrder.NEWEST, 25));
        SearchResults beyond = search.search(walk("香港", SortOrder.NEWEST, 26));

        assertThat(all.hits()).hasSize(25);
        assertThat(all.nextCursor()).isNull();
        assertThat(beyond.nextCursor()).isNull();
        assertThat(search.search(walk("没有这个词组", SortOrder.RELEVANCE, 5)).nextCursor())
                .isNull();
    }

    @Test
    void aWalkGoesOnAcrossCommitsThatAddRemoveAndRenumberArticles() {
        SearchRequest request = walk("香港", SortOrder.OLDEST, 5);
        SearchResults first = search.search(request);
        SearchResults second = search.search(request.withCursor(first.nextCursor()));
        Set<String> seen = new HashSet<>(ids(first.hits()));
        seen.addAll(ids(second.hits()));
        index.delete(first.hits().get(0).article().id());
        index.save(article(200, "2030-01-01T00:00:00Z"));
        index.save(article(201, "2020-01-10T08:00:00Z"));
        index.commit();
        List<SearchHit> rest = walkAll(request.withCursor(second.nextCursor()));

        assertThat(ids(rest)).doesNotHaveDuplicates().doesNotContainAnyElementsOf(seen);
        assertThat(rest)
                .extracting(hit -> hit.article().title())
                .as("the new article ranked after the cursor comes; the one ranked before it was passed")
                .contains("香港新闻第200篇")
                .doesNotContain("香港新闻第201篇");
        assertThat(rest).hasSize(25 - seen.size() + 1);
    }

    @Test
    void aCursorFromAnotherOrderOrMadeUpIsRefused() {
        String newest = search.search(walk("香港", SortOrder.NEWEST, 3)).nextCursor();

        assertThatThrownBy(() -> search.search(walk("香港", SortOrder.OLDEST, 3).withCursor(newest)))
                .isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("sort=newest");
        for (String madeUp : List.of("abc", "!!!", "bmV3ZXN0OnQ6eA", newest.substring(0, newest.length() - 2))) {
            assertThatThrownBy(
                            () -> search.search(walk("香港", SortOrder.NEWEST, 3).withCursor(madeUp)))
                    .as(madeUp)
                    .isInstanceOf(InvalidCursorException.class);
        }
    }
}
