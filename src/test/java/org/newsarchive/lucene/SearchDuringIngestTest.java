package org.newsarchive.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.ingest.IngestProgress;
import org.newsarchive.ingest.IngestReport;
import org.newsarchive.ingest.IngestService;
import org.newsarchive.ingest.normalize.ArticleNormalizer;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchResults;
import org.newsarchive.search.SearchService;
import org.newsarchive.store.RawStore;
import tools.jackson.databind.json.JsonMapper;

/** Searches keep answering, and see the archive grow, while an ingest runs in the same process. */
class SearchDuringIngestTest {

    @TempDir
    Path dataDir;

    @Test
    void searchesSucceedThroughoutAnIngest() throws Exception {
        ChineseAnalysis analysis = new ChineseAnalysis();
        try (LuceneIndexWriter index = new LuceneIndexWriter(
                dataDir.resolve("index"), analysis, JsonMapper.builder().build())) {
            SearchService search = new LuceneSearchService(index.reader(), analysis);
            IngestService ingest = new IngestService(
                    new ArticleNormalizer(), new RawStore(dataDir), index, 10 << 20, 2, Clock.systemUTC());
            AtomicBoolean ingesting = new AtomicBoolean(true);
            AtomicInteger searches = new AtomicInteger();
            ExecutorService searcher = Executors.newSingleThreadExecutor();
            Future<Long> lastSeen = searcher.submit(() -> {
                long seen = 0;
                while (ingesting.get()) {
                    SearchResults results = search.search(SearchRequest.of("中共"));
                    assertThat(results.total()).isGreaterThanOrEqualTo(seen);
                    seen = results.total();
                    searches.incrementAndGet();
                }
                return seen;
            });

            IngestReport report =
                    ingest.ingest(List.of(Path.of("src/test/resources/corpus-sample")), false, IngestProgress.NONE);
            ingesting.set(false);

            assertThat(lastSeen.get()).isGreaterThanOrEqualTo(0);
            searcher.shutdown();
            assertThat(searches.get()).isGreaterThan(5);
            assertThat(report.allSucceeded()).isTrue();
            assertThat(search.search(SearchRequest.of("")).total()).isEqualTo(200);
        }
    }
}
