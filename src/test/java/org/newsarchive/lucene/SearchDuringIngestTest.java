package org.newsarchive.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.ingest.FileOutcome;
import org.newsarchive.ingest.IngestProgress;
import org.newsarchive.ingest.IngestReport;
import org.newsarchive.ingest.IngestService;
import org.newsarchive.ingest.normalize.ArticleNormalizer;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchService;
import org.newsarchive.store.RawStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * Searches keep answering, and see the archive grow, while an ingest runs in the same process: once half the files
 * are done, every ingest thread waits until a search has seen part of the archive (through the near-real-time
 * reader, before any commit), then goes on; searches never see the archive shrink.
 */
class SearchDuringIngestTest {

    private static final int FILES = 200;
    private static final int THREADS = 2;
    /** Only a guard against a hang: the near-real-time reader refreshes every second. */
    private static final long GUARD_MINUTES = 2;

    @TempDir
    Path dataDir;

    @Test
    void searchesSeeTheArchiveGrowThroughoutAnIngest() throws Exception {
        ChineseAnalysis analysis = new ChineseAnalysis();
        try (LuceneIndexWriter index = new LuceneIndexWriter(
                dataDir.resolve("index"), analysis, JsonMapper.builder().build())) {
            SearchService search = new LuceneSearchService(index.reader(), analysis);
            IngestService ingest = new IngestService(
                    new ArticleNormalizer(), new RawStore(dataDir), index, 10 << 20, THREADS, Clock.systemUTC());
            AtomicBoolean ingesting = new AtomicBoolean(true);
            Set<Long> totalsSeen = ConcurrentHashMap.newKeySet();
            CountDownLatch partSeen = new CountDownLatch(1);
            ExecutorService searcher = Executors.newSingleThreadExecutor();
            Future<?> searches = searcher.submit(() -> {
                long previous = 0;
                while (ingesting.get()) {
                    long total = search.search(SearchRequest.of("")).total();
                    assertThat(total).as("the archive never shrinks").isGreaterThanOrEqualTo(previous);
                    totalsSeen.add(total);
                    if (total > 0 && total < FILES) {
                        partSeen.countDown();
                    }
                    previous = total;
                }
            });
            AtomicInteger done = new AtomicInteger();
            AtomicBoolean waitedInVain = new AtomicBoolean();
            IngestProgress holdAfterHalf = new IngestProgress() {
                @Override
                public void fileDone(FileOutcome outcome, long bytes) {
                    // Every thread stops here once half the files are done, so at most FILES / 2 + THREADS are saved
                    // until a search has seen some of them; none can finish the batch before a refresh.
                    if (done.incrementAndGet() >= FILES / 2 && !awaitQuietly(partSeen)) {
                        waitedInVain.set(true);
                    }
                }
            };

            IngestReport report =
                    ingest.ingest(List.of(Path.of("src/test/resources/corpus-sample")), false, holdAfterHalf);
            ingesting.set(false);
            searches.get(GUARD_MINUTES, TimeUnit.MINUTES);
            searcher.shutdown();

            assertThat(waitedInVain).as("no search saw part of the ingest").isFalse();
            assertThat(report.allSucceeded()).as(report.summary()).isTrue();
            assertThat(totalsSeen).anyMatch(total -> total > 0 && total < FILES);
            assertThat(search.search(SearchRequest.of("")).total()).isEqualTo(FILES);
        }
    }

    /** Waits for the latch; false when the guard ran out first. Never throws into the ingest that calls it. */
    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(GUARD_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
