import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.ingest.IngestProgress;
import org.newsarchive.ingest.IngestReport;
import org.newsarchive.ingest.IngestService;
import org.newsarchive.ingest.normalize.ArticleNormalizer;
import org.newsarchive.lucene.LuceneIndexWriter;
import org.newsarchive.lucene.LuceneSearchService;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchService;
import org.newsarchive.store.RawStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ingesting a small batch into a large archive while it is being searched, as a running server does.
 *
 * <p>Usage: {@code java -cp CLASSPATH bench/IncrementalIngestBenchmark.java DATA_DIR FOLDER [COUNT]}. {@code DATA_DIR}
 * is an archive's data directory, and is written to: give it a copy. The last {@code COUNT} files of {@code FOLDER}
 * (1,000 unless given) are copied with their GNews article numbers changed, so that each is a new article, a copy of a
 * story the archive already holds (which exercises the near-duplicate table). The archive is opened in this process
 * (timed apart, as a server does it once), a first batch of as many other files warms the JVM up as a running
 * server is, then one thread searches ten times a second while the timed batch is ingested on two
 * threads; the time covers normalizing, indexing, the commit and the near-real-time refresh. It prints that time,
 * the searches answered meanwhile with their median and worst latency, and any search that failed.
 */
public class IncrementalIngestBenchmark {

    /** One search every this many milliseconds: a busy reading load that leaves the ingest its cores. */
    private static final long SEARCH_EVERY_MILLIS = 100;

    /** A GNews article address, whose number the archive's id is made from. */
    private static final Pattern GNEWS_ARTICLE =
            Pattern.compile("(?<address>gnews\\.org/(?:articles|zh-hans)/)(?<number>\\d+)");

    private static final List<String> QUERIES = List.of("美国", "疫情", "中共", "香港", "\"新冠病毒\"", "拜登", "经济", "台湾");

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java -cp CLASSPATH bench/IncrementalIngestBenchmark.java DATA_DIR FOLDER [COUNT]");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        Path folder = Path.of(args[1]);
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        Path warmUp = newArticles(folder, count, count, "8");
        Path batch = newArticles(folder, 0, count, "9");

        ChineseAnalysis analysis = new ChineseAnalysis();
        JsonMapper json = JsonMapper.builder().build();
        long openStart = System.nanoTime();
        try (LuceneIndexWriter writer = new LuceneIndexWriter(data.resolve("index"), analysis, json)) {
            SearchService search = new LuceneSearchService(writer.reader(), analysis, 0);
            int before = writer.reader().count();
            System.out.printf(Locale.ROOT, "opened an archive of %d articles in %.1f s%n", before,
                    (System.nanoTime() - openStart) / 1e9);
            IngestService ingest = new IngestService(
                    new ArticleNormalizer(), new RawStore(data), writer, 10 << 20, 2, Clock.systemUTC());

            long warmStart = System.nanoTime();
            IngestReport warmReport = ingest.ingest(List.of(warmUp), false, IngestProgress.NONE);
            System.out.printf(Locale.ROOT, "warm-up batch, a fresh JVM: %s in %.2f s%n", warmReport.summary(),
                    (System.nanoTime() - warmStart) / 1e9);
            before = writer.reader().count();

            AtomicBoolean ingesting = new AtomicBoolean(true);
            List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger failures = new AtomicInteger();
            Thread searcher = new Thread(() -> {
                for (int i = 0; ingesting.get(); i++) {
                    pause(SEARCH_EVERY_MILLIS);
                    long start = System.nanoTime();
                    try {
                        search.search(SearchRequest.of(QUERIES.get(i % QUERIES.size())));
                        latencies.add((System.nanoTime() - start) / 1e6);
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                        System.out.println("search failed: " + e);
                    }
                }
            });
            searcher.start();
            long start = System.nanoTime();
            IngestReport report = ingest.ingest(List.of(batch), false, IngestProgress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            ingesting.set(false);
            searcher.join();

            int after = writer.reader().count();
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf(Locale.ROOT, "%s%n", report.summary());
            System.out.printf(Locale.ROOT, "ingest of %d files: %.2f s (normalize, index, commit, refresh)%n", count,
                    seconds);
            System.out.printf(Locale.ROOT, "articles visible: %d before, %d after%n", before, after);
            System.out.printf(Locale.ROOT, "searches meanwhile: %d answered, %d failed, median %.1f ms, worst %.1f ms%n",
                    sorted.size(), failures.get(), sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2),
                    sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1));
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Copies of {@code count} files of {@code folder}, {@code fromEnd} files before its last one, each under an
     * article number the archive has not seen (its own with {@code prefix} before it).
     */
    static Path newArticles(Path folder, int fromEnd, int count, String prefix) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Path batch = Files.createTempDirectory("incremental");
        int end = Math.max(0, files.size() - fromEnd);
        for (Path file : files.subList(Math.max(0, end - count), end)) {
            String text = GNEWS_ARTICLE
                    .matcher(Files.readString(file, StandardCharsets.UTF_8))
                    .replaceAll("${address}" + prefix + "${number}");
            Files.writeString(batch.resolve(file.getFileName()), text, StandardCharsets.UTF_8);
        }
        return batch;
    }
}
