package org.newsarchive.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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

/** Repeated searches come from the result cache, and a commit is never hidden by it. */
class ResultCacheTest {

    @TempDir
    Path dataDir;

    private static Article article(String file) throws Exception {
        return ((NormalizationResult.Normalized) new ArticleNormalizer()
                        .normalize(Files.readAllBytes(Path.of("seeds", file)), file, Instant.now()))
                .article();
    }

    @Test
    void repeatedSearchesAreServedFromTheCacheUntilTheIndexChanges() throws Exception {
        ChineseAnalysis analysis = new ChineseAnalysis();
        try (LuceneIndexWriter index = new LuceneIndexWriter(
                dataDir.resolve("index"), analysis, JsonMapper.builder().build())) {
            SearchService search = new LuceneSearchService(index.reader(), analysis, 10);
            index.save(article("000_1a9ccc52b8d05a66.txt"));
            index.commit();

            SearchResults first = search.search(SearchRequest.of("互助"));
            SearchResults again = search.search(SearchRequest.of("互助"));
            assertThat(again.hits()).isSameAs(first.hits());
            assertThat(again.total()).isEqualTo(1);

            index.save(article("004_ab59611138e6fcfc.txt"));
            index.commit();

            SearchResults afterCommit = search.search(SearchRequest.of("互助"));
            assertThat(afterCommit.hits()).isNotSameAs(first.hits());
            assertThat(afterCommit.total()).isEqualTo(2);
            assertThat(afterCommit.hits())
                    .allSatisfy(hit -> assertThat(hit.article().text()).isEmpty());
        }
    }

    @Test
    void aServiceWithoutACacheComputesEverySearch() throws Exception {
        ChineseAnalysis analysis = new ChineseAnalysis();
        try (LuceneIndexWriter index = new LuceneIndexWriter(
                dataDir.resolve("index"), analysis, JsonMapper.builder().build())) {
            SearchService search = new LuceneSearchService(index.reader(), analysis);
            index.save(article("000_1a9ccc52b8d05a66.txt"));
            index.commit();

            assertThat(search.search(SearchRequest.of("互助")).hits())
                    .isNotSameAs(search.search(SearchRequest.of("互助")).hits());
        }
    }
}
