package org.newsarchive.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.SyntheticCorpus;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.article.Article;
import org.newsarchive.ingest.FileOutcome;
import org.newsarchive.ingest.IngestProgress;
import org.newsarchive.ingest.IngestReport;
import org.newsarchive.ingest.IngestService;
import org.newsarchive.ingest.normalize.ArticleNormalizer;
import org.newsarchive.search.SearchHit;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchResults;
import org.newsarchive.search.SearchService;
import org.newsarchive.store.RawStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * Eight search threads against an archive while 3,000 articles are ingested into it: no search fails, every hit
 * is a whole article, and searches see the archive grow (halfway, the ingest waits until one has seen part of the
 * new articles). How fast they stay is measured by {@code bench/IncrementalIngestBenchmark.java}, not here. Part of
 * the {@code reliability} profile.
 */
class SearchUnderIngestReliabilityTest {

    private static final int SEARCH_THREADS = 8;
    private static final int NEW_FILES = 3_000;
    /** Only a guard against a hang, far above the few minutes the ingest takes. */
    private static final long GUARD_MINUTES = 15;

    private static final List<String> QUERIES =
            List.of("中共", "香港", "美国", "疫情", "\"新冠病毒\"", "郭文贵", "台湾 选举", "经济", "习近平", "法治");

    @TempDir
    Path work;

    @Test
    void searchesStayCorrectAndFastEnoughDuringALargeIngest() throws Exception {
        ChineseAnalysis analysis = new ChineseAnalysis();
        try (LuceneIndexWriter index = new LuceneIndexWriter(
                work.resolve("data/index"), analysis, JsonMapper.builder().build())) {
            SearchService search = new LuceneSearchService(index.reader(), analysis);
            IngestService ingest = new IngestService(
                    new ArticleNormalizer(), new RawStore(work.resolve("data")), index, 10 << 20, 2, Clock.systemUTC());
            ingest.ingest(List.of(SyntheticCorpus.write(work.resolve("first"), 0, 1_000)), false, IngestProgress.NONE);

            Path more = SyntheticCorpus.write(work.resolve("more"), 1_000, NEW_FILES);
            CountDownLatch growthSeen = new CountDownLatch(1);
            AtomicBoolean waitedInVain = new AtomicBoolean();
            AtomicInteger done = new AtomicInteger();
            IngestProgress holdAfterHalf = new IngestProgress() {
                @Override
                public void fileDone(FileOutcome outcome, long bytes) {
                    if (done.incrementAndGet() >= NEW_FILES / 2 && !awaitQuietly(growthSeen)) {
                        waitedInVain.set(true);
                    }
                }
            };
            ExecutorService ingesting = Executors.newSingleThreadExecutor();
            Future<IngestReport> report = ingesting.submit(() -> ingest.ingest(List.of(more), false, holdAfterHalf));
            Load busy = searchWhile(search, () -> !report.isDone(), growthSeen);
            ingesting.shutdown();

            System.out.printf(
                    "during the ingest: %d searches, %d failed%n",
                    busy.count(), busy.failures().size());
            assertThat(waitedInVain).as("no search saw the archive grow").isFalse();
            assertThat(report.get().allSucceeded()).as(report.get().summary()).isTrue();
            assertThat(busy.failures()).isEmpty();
            assertThat(search.search(SearchRequest.of("")).total()).isEqualTo(1_000 + NEW_FILES);
        }
    }

    private record Load(int count, List<String> failures) {}

    /**
     * Runs the query list on eight threads for as long as {@code running} holds, counting down {@code growthSeen}
     * when the whole archive's count is between its size before the ingest and after it.
     */
    private static Load searchWhile(SearchService search, BooleanSupplier running, CountDownLatch growthSeen)
            throws Exception {
        AtomicInteger count = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService threads = Executors.newFixedThreadPool(SEARCH_THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < SEARCH_THREADS; t++) {
            int offset = t;
            done.add(threads.submit(() -> {
                for (int i = 0; running.getAsBoolean(); i++) {
                    String query = QUERIES.get((i + offset) % QUERIES.size());
                    String asked = "the whole archive";
                    try {
                        long total = search.search(SearchRequest.of("")).total();
                        if (total > 1_000 && total < 1_000 + NEW_FILES) {
                            growthSeen.countDown();
                        }
                        asked = "q=" + query;
                        SearchResults results = search.search(SearchRequest.of(query));
                        count.incrementAndGet();
                        for (SearchHit hit : results.hits()) {
                            if (hit.article().title().isBlank() || hit.article().provenance() == null) {
                                failures.add("half-written hit " + hit.article().id());
                            }
                        }
                        if (!results.hits().isEmpty()) {
                            String id = results.hits().get(0).article().id();
                            asked = "article " + id;
                            Article whole = search.find(id).orElse(null);
                            if (whole == null
                                    || (whole.text().isBlank() && whole.images().isEmpty())) {
                                failures.add("half-written article " + id);
                            }
                        }
                    } catch (RuntimeException | AssertionError e) {
                        failures.add(asked + ": " + causes(e));
                    }
                }
            }));
        }
        for (Future<?> thread : done) {
            thread.get(GUARD_MINUTES, TimeUnit.MINUTES);
        }
        threads.shutdown();
        return new Load(count.get(), List.copyOf(failures));
    }

    /** The exception and its causes, innermost last, with where each was thrown. */
    private static String causes(Throwable thrown) {
        StringBuilder chain = new StringBuilder();
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            StackTraceElement[] where = cause.getStackTrace();
            chain.append(chain.length() == 0 ? "" : " <- ")
                    .append(cause)
                    .append(where.length == 0 ? "" : " at " + where[0]);
        }
        return chain.toString();
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
