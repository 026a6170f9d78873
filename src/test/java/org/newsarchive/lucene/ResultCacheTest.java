package org.newsarchive.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.article.Article;
import org.newsarchive.ingest.normalize.ArticleNormalizer;
import org.newsarchive.ingest.normalize.NormalizationResult;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchResults;
import org.newsarchive.search.SearchService;
import tools.jackson.databind.json.JsonMapper;

/** Result pages are kept per index snapshot and request, and a commit is never hidden by them. */
class ResultCacheTest {

    @TempDir
    Path dataDir;

    private static Article article(String file) throws Exception {
        return ((NormalizationResult.Normalized) new ArticleNormalizer()
                        .normalize(Files.readAllBytes(Path.of("seeds", file)), file, Instant.now()))
                .article();
    }

    private static SearchResults results(String query, long total) {
        return new SearchResults(
                query, total, true, 1, 20, 1, SearchResults.Fallback.NONE, false, List.of(), Map.of(), null);
    }

    /** The reader of the current snapshot; only its identity is used, so that it may be released already. */
    private static IndexReader snapshot(LuceneIndexWriter index) {
        return index.reader().withSearcher(IndexSearcher::getIndexReader);
    }

    @Test
    void aPageIsKeptForItsSnapshotAndRequestOnly() throws Exception {
        try (LuceneIndexWriter index = new LuceneIndexWriter(
                dataDir.resolve("index"),
                new ChineseAnalysis(),
                JsonMapper.builder().build())) {
            index.save(article("000_1a9ccc52b8d05a66.txt"));
            index.commit();
            ResultCache cache = new ResultCache(10);
            IndexReader before = snapshot(index);
            cache.put(before, SearchRequest.of("互助"), results("互助", 1));

            assertThat(cache.get(before, SearchRequest.of("互助"))).isEqualTo(results("互助", 1));
            assertThat(cache.get(before, SearchRequest.of("香港"))).isNull();

            index.save(article("004_ab59611138e6fcfc.txt"));
            index.commit();
            assertThat(cache.get(snapshot(index), SearchRequest.of("互助"))).isNull();
        }
    }

    @Test
    void aCachingServiceAnswersLikeAComputingOneBeforeAndAfterACommit() throws Exception {
        ChineseAnalysis analysis = new ChineseAnalysis();
        try (LuceneIndexWriter index = new LuceneIndexWriter(
                dataDir.resolve("index"), analysis, JsonMapper.builder().build())) {
            SearchService cached = new LuceneSearchService(index.reader(), analysis, 10);
            SearchService computed = new LuceneSearchService(index.reader(), analysis);
            index.save(article("000_1a9ccc52b8d05a66.txt"));
            index.commit();

            SearchResults first = cached.search(SearchRequest.of("互助"));
            assertThat(cached.search(SearchRequest.of("互助")).hits())
                    .as("the stored page served again on the same snapshot")
                    .isSameAs(first.hits());
            assertThat(first.hits())
                    .isEqualTo(computed.search(SearchRequest.of("互助")).hits());

            index.save(article("004_ab59611138e6fcfc.txt"));
            index.commit();

            SearchResults afterCommit = cached.search(SearchRequest.of("互助"));
            assertThat(afterCommit.hits())
                    .as("computed again on the new snapshot")
                    .isNotSameAs(first.hits());
            assertThat(afterCommit.total()).isEqualTo(2);
            assertThat(afterCommit.hits())
                    .isEqualTo(computed.search(SearchRequest.of("互助")).hits());
            assertThat(afterCommit.hits())
                    .allSatisfy(hit -> assertThat(hit.article().text()).isEmpty());
        }
    }
}
