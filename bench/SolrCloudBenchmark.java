import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.article.Article;
import org.newsarchive.lucene.LuceneIndexWriter;
import org.newsarchive.ingest.normalize.ArticleNormalizer;
import org.newsarchive.ingest.ArticleSink;
import org.newsarchive.ingest.IngestProgress;
import org.newsarchive.ingest.IngestReport;
import org.newsarchive.ingest.IngestService;
import org.newsarchive.lucene.LuceneSearchService;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchService;
import org.newsarchive.search.SortOrder;
import org.newsarchive.solr.Retries;
import org.newsarchive.solr.SolrArticleSink;
import org.newsarchive.solr.SolrCollection;
import org.newsarchive.solr.SolrSearchService;
import org.newsarchive.solr.SolrSetup;
import org.newsarchive.store.RawStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded index against a 2-node SolrCloud (Solr's MiniSolrCloudCluster in this JVM: embedded ZooKeeper,
 * 2 shards x 2 replicas) on the same articles: ingest throughput, then search latency and throughput.
 *
 * <p>Usage: {@code java -Xmx6g -cp CLASSPATH bench/SolrCloudBenchmark.java CORPUS_FOLDER WORK_DIR}. Each backend
 * ingests the whole folder through the archive's own ingest service (normalizing included, one thread per core,
 * the embedded index committing every 2,000 files, Solr in batches of 500). Then 300 queries drawn from the articles
 * with a fixed seed (1 to 3 terms, quoted phrases, publisher and date filters; top 20 with highlighting, facets and
 * copy counts, the embedded result cache off) run once to warm up and once timed, one at a time; then 8 threads
 * run them in a loop for 20 s, for throughput.
 */
public class SolrCloudBenchmark {

    private static final int QUERIES = 300;
    private static final int THREADS = 8;
    private static final Duration LOAD = Duration.ofSeconds(20);

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java -cp CLASSPATH bench/SolrCloudBenchmark.java CORPUS_FOLDER WORK_DIR");
            System.exit(2);
        }
        Path corpus = Path.of(args[0]);
        Path work = Files.createDirectories(Path.of(args[1]));
        ChineseAnalysis analysis = new ChineseAnalysis();
        JsonMapper json = JsonMapper.builder().build();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "%d cores, heap max %d MB%n", cores, Runtime.getRuntime().maxMemory() >> 20);

        try (LuceneIndexWriter index = new LuceneIndexWriter(work.resolve("embedded/index"), analysis, json)) {
            IngestReport embedded = ingest(work.resolve("embedded"), index, corpus, cores);
            System.out.println("embedded ingest: " + embedded.summary());
            SearchService lucene = new LuceneSearchService(index.reader(), analysis);
            List<SearchRequest> requests = requests(lucene, new Random(7));

            MiniSolrCloudCluster cluster = new MiniSolrCloudCluster(2, work.resolve("solr"), JettyConfig.builder().build());
            try (SolrCollection collection = SolrCollection.connect(
                    List.of(cluster.getZkServer().getZkAddress()), null, List.of(), "news-archive")) {
                SolrSetup.run(collection, "news-archive", 2, 2);
                cluster.waitForActiveCollection("news-archive", 60, TimeUnit.SECONDS, 2, 4);
                SolrArticleSink sink = new SolrArticleSink(
                        collection, analysis, json, new Retries(10, Duration.ofMillis(250), Duration.ofSeconds(10)), 500);
                IngestReport solr = ingest(work.resolve("solr-raw"), sink, corpus, cores);
                System.out.println("solr ingest:     " + solr.summary());
                System.out.printf(Locale.ROOT, "ingest time solr/embedded: %.2fx%n",
                        solr.elapsed().toMillis() / (double) embedded.elapsed().toMillis());
                SearchService cloud = new SolrSearchService(collection, analysis, json);
                System.out.printf(Locale.ROOT, "articles: embedded %d, solr %d%n",
                        lucene.search(SearchRequest.of("")).total(), cloud.search(SearchRequest.of("")).total());
                System.out.printf(Locale.ROOT, "index size: embedded %d MB, solr %d MB over 4 replicas%n",
                        lucene.indexSizeBytes() >> 20, cloud.indexSizeBytes() >> 20);

                double[] embeddedLatency = latency("embedded search", lucene, requests);
                double[] solrLatency = latency("solr search", cloud, requests);
                System.out.printf(Locale.ROOT, "p50 solr/embedded: %.2fx, p99: %.2fx%n",
                        solrLatency[0] / embeddedLatency[0], solrLatency[1] / embeddedLatency[1]);
                double embeddedQps = throughput("embedded", lucene, requests);
                double solrQps = throughput("solr", cloud, requests);
                System.out.printf(Locale.ROOT, "throughput solr/embedded: %.2fx%n", solrQps / embeddedQps);
            } finally {
                cluster.shutdown();
            }
        }
    }

    private static IngestReport ingest(Path dataDir, ArticleSink sink, Path corpus, int threads) {
        IngestService service = new IngestService(
                new ArticleNormalizer(), new RawStore(dataDir), sink, 10 << 20, threads, Clock.systemUTC());
        return service.ingest(List.of(corpus), false, IngestProgress.NONE);
    }

    /** Realistic searches drawn from the archive's own articles. */
    private static List<SearchRequest> requests(SearchService search, Random random) {
        List<Article> sample = new ArrayList<>();
        AtomicLong seen = new AtomicLong();
        search.forEachMatch(new SearchRequest("", Map.of(), null, null, SortOrder.NEWEST, 1, 20), article -> {
            if (seen.incrementAndGet() % 20 == 0) {
                sample.add(article);
            }
        });
        List<SearchRequest> requests = new ArrayList<>();
        while (requests.size() < QUERIES) {
            Article article = sample.get(random.nextInt(sample.size()));
            String t1 = window(article.title(), 2 + random.nextInt(3), random);
            String t2 = window(article.text(), 2 + random.nextInt(3), random);
            String phrase = window(article.text(), 4 + random.nextInt(5), random);
            if (t1 == null || t2 == null || phrase == null) {
                continue;
            }
            int kind = random.nextInt(10);
            Map<String, List<String>> filters = Map.of();
            LocalDate from = null;
            LocalDate to = null;
            String query;
            if (kind < 4) {
                query = t1;
            } else if (kind < 6) {
                query = t1 + " " + t2;
            } else if (kind < 8) {
                query = "\"" + phrase + "\"";
            } else if (kind < 9 && article.publisher() != null) {
                query = t2;
                filters = Map.of("publisher", List.of(article.publisher()));
            } else {
                query = t2;
                from = LocalDate.of(2021, 1, 1);
                to = LocalDate.of(2022, 12, 31);
            }
            requests.add(new SearchRequest(query, filters, from, to, SortOrder.RELEVANCE, 1, 20));
        }
        return requests;
    }

    /** p50 and p99 in milliseconds, one search at a time, after a warm-up pass. */
    private static double[] latency(String name, SearchService search, List<SearchRequest> requests) {
        requests.forEach(search::search);
        long[] nanos = new long[requests.size()];
        for (int i = 0; i < requests.size(); i++) {
            long start = System.nanoTime();
            search.search(requests.get(i));
            nanos[i] = System.nanoTime() - start;
        }
        System.out.printf(Locale.ROOT, "%s: n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms%n", name,
                nanos.length, percentile(nanos, 50), percentile(nanos, 90), percentile(nanos, 99),
                percentile(nanos, 100));
        return new double[] {percentile(nanos, 50), percentile(nanos, 99)};
    }

    /** Searches per second with {@value #THREADS} threads looping over the requests. */
    private static double throughput(String name, SearchService search, List<SearchRequest> requests)
            throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long deadline = System.nanoTime() + LOAD.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            int offset = t * 37;
            pool.submit(() -> {
                for (int i = offset; System.nanoTime() < deadline; i++) {
                    search.search(requests.get(i % requests.size()));
                    done.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(LOAD.toSeconds() + 60, TimeUnit.SECONDS);
        double qps = done.get() / (double) LOAD.toSeconds();
        System.out.printf(Locale.ROOT, "%s throughput, %d threads: %.1f searches/s%n", name, THREADS, qps);
        return qps;
    }

    private static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static String window(String text, int length, Random random) {
        if (text.length() < length) {
            return null;
        }
        for (int attempt = 0; attempt < 50; attempt++) {
            int start = random.nextInt(text.length() - length + 1);
            String window = text.substring(start, start + length);
            if (window.chars().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                return window;
            }
        }
        return null;
    }
}
