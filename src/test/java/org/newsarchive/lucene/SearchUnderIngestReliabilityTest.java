package org.newsarchive.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.SyntheticCorpus;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.article.Article;
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
 * Eight search threads against an archive while 10,000 articles are ingested into it: no search fails, every hit
 * is a whole article, and the 99th percentile latency stays within ten times its value without the ingest. Part of
 * the {@code reliability} profile.
 */
class SearchUnderIngestReliabilityTest {

    private static final int SEARCH_THREADS = 8;
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

            searchWhile(search, index, () -> false, 100);
            Load idle = searchWhile(search, index, () -> false, 400);
            Path more = SyntheticCorpus.write(work.resolve("more"), 1_000, 10_000);
            ExecutorService ingesting = Executors.newSingleThreadExecutor();
            Future<IngestReport> report =
                    ingesting.submit(() -> ingest.ingest(List.of(more), false, IngestProgress.NONE));
            Load busy = searchWhile(search, index, () -> !report.isDone(), Integer.MAX_VALUE);
            ingesting.shutdown();

            System.out.printf(
                    "idle: %d searches, p99 %.1f ms; during ingest: %d searches, %d failed, p99 %.1f ms%n",
                    idle.count(),
                    idle.p99Millis(),
                    busy.count(),
                    busy.failures().size(),
                    busy.p99Millis());
            assertThat(report.get().allSucceeded()).isTrue();
            assertThat(busy.failures()).isEmpty();
            assertThat(busy.count()).isGreaterThan(100);
            assertThat(busy.p99Millis()).isLessThan(10 * Math.max(idle.p99Millis(), 5));
            assertThat(search.search(SearchRequest.of("")).total()).isEqualTo(11_000);
        }
    }

    private record Load(int count, double p99Millis, List<String> failures) {}

    /**
     * Runs the query list on eight threads, {@code perThread} searches each, or with {@link Integer#MAX_VALUE} for
     * as long as {@code running} holds; never longer than five minutes.
     */
    private static Load searchWhile(
            SearchService search, LuceneIndexWriter index, java.util.function.BooleanSupplier running, int perThread)
            throws Exception {
        ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicLong deadline = new AtomicLong(System.nanoTime() + TimeUnit.SECONDS.toNanos(300));
        ExecutorService threads = Executors.newFixedThreadPool(SEARCH_THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < SEARCH_THREADS; t++) {
            int offset = t;
            done.add(threads.submit(() -> {
                for (int i = 0; i < perThread && System.nanoTime() < deadline.get(); i++) {
                    if (perThread == Integer.MAX_VALUE && !running.getAsBoolean()) {
                        break;
                    }
                    String query = QUERIES.get((i + offset) % QUERIES.size());
                    long start = System.nanoTime();
                    try {
                        SearchResults results = search.search(SearchRequest.of(query));
                        nanos.add(System.nanoTime() - start);
                        for (SearchHit hit : results.hits()) {
                            if (hit.article().title().isBlank() || hit.article().provenance() == null) {
                                failures.add("half-written hit " + hit.article().id());
                            }
                        }
                        if (!results.hits().isEmpty()) {
                            String id = results.hits().get(0).article().id();
                            Article whole = search.find(id).orElse(null);
                            if (whole == null
                                    || (whole.text().isBlank() && whole.images().isEmpty())) {
                                failures.add("half-written article " + id);
                            }
                        }
                    } catch (RuntimeException e) {
                        failures.add(query + ": " + e);
                    }
                }
            }));
        }
        for (Future<?> thread : done) {
            thread.get();
        }
        threads.shutdown();
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        double p99 = sorted.length == 0 ? 0 : sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6;
        return new Load(sorted.length, p99, List.copyOf(failures));
    }
}
