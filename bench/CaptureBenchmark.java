import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.newsarchive.capture.CaptureOutcome;
import org.newsarchive.capture.CaptureStore;
import org.newsarchive.capture.CaptureSummary;
import org.newsarchive.capture.MediaCapture;
import org.newsarchive.capture.fetch.AddressPolicy;
import org.newsarchive.capture.fetch.FetchSettings;
import org.newsarchive.capture.fetch.Fetcher;
import org.newsarchive.capture.fetch.HostResolver;

/**
 * Media capture against image hosts on loopback addresses, with a plain HTTP download of the same images as its
 * floor in the same run.
 *
 * <p>Usage: {@code java -Xmx512m -cp CLASSPATH bench/CaptureBenchmark.java [IMAGES] [HOSTS] [THREADS]} (defaults
 * 1000, 10, 4), after {@code ./mvnw -q -B package -DskipTests}. Hosts listen on 127.0.0.10 and up, each serving
 * {@code IMAGES / HOSTS} distinct images of 20-200 KB (seeded random bytes behind a PNG signature, generated as they
 * are sent). Then, in order:
 *
 * <ol>
 *   <li>the floor: the JDK's {@code HttpClient} GETs every image on {@code THREADS} threads, bodies discarded;
 *   <li>{@link MediaCapture#capture} of every image into an empty capture store, host delay 0: fetch, stream to
 *       disk, digest, sniff, WARC request and response records, index line;
 *   <li>the same capture again: every payload is unchanged, so each becomes a WARC revisit;
 *   <li>five 20 MB images captured with the default 20 MB limit, to show the heap stays flat: bodies stream to disk.
 * </ol>
 *
 * It prints each pass's seconds and images/s, the capture's ratio to the floor, and the peak heap of each pass (the
 * heap pools' peak usage, reset before the pass, after a GC; the hosts run in the same JVM, so the floor's peak is
 * the baseline the capture's is compared with).
 */
public class CaptureBenchmark {

    public static void main(String[] args) throws Exception {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int hosts = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Random random = new Random(20261206);
        List<HttpServer> servers = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        List<String> large = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0." + (10 + h)), 0), 64);
            int perHost = images / hosts;
            int host = h;
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                boolean big = path.startsWith("/big/");
                int number = Integer.parseInt(path.substring(5, path.length() - 4));
                Random bytes = new Random(host * 1_000_003L + number + (big ? 1 : 0) * 7_919L);
                long length = big ? 20L * 1024 * 1024 - 1024 : 20_000 + bytes.nextInt(180_000);
                exchange.getResponseHeaders().set("Content-Type", "image/png");
                exchange.sendResponseHeaders(200, length);
                try (OutputStream out = exchange.getResponseBody()) {
                    stream(bytes, length, out);
                }
            });
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            servers.add(server);
            String base = "http://127.0.0." + (10 + h) + ":" + server.getAddress().getPort();
            for (int i = 0; i < perHost; i++) {
                urls.add(base + "/img/" + i + ".png");
            }
            if (h < 5) {
                large.add(base + "/big/" + h + ".png");
            }
        }
        java.util.Collections.shuffle(urls, random);
        Path work = Files.createTempDirectory("capture-bench");
        FetchSettings settings = new FetchSettings(
                new AddressPolicy(List.of("127.0.0.0/8"), List.of(80, 443)), 20L * 1024 * 1024,
                Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ZERO, Duration.ofSeconds(5),
                FetchSettings.userAgent("https://example.org/bench"));
        System.out.printf(Locale.ROOT, "%d images on %d hosts, %d threads, -Xmx%d MB%n", urls.size(), hosts, threads,
                Runtime.getRuntime().maxMemory() >> 20);

        Pass floor = measure(() -> floor(urls, threads));
        System.out.printf(Locale.ROOT, "floor (HttpClient GET)   %7.2f s  %7.1f images/s  peak heap %4d MB%n",
                floor.seconds, urls.size() / floor.seconds, floor.peakHeapMb);
        try (Fetcher fetcher = new Fetcher(settings, HostResolver.SYSTEM, work.resolve("incoming"), Clock.systemUTC());
                CaptureStore store = CaptureStore.open(work.resolve("captures"), 1L << 30, Clock.systemUTC())) {
            MediaCapture capture = new MediaCapture(null, store, fetcher, threads);
            CaptureSummary[] first = new CaptureSummary[1];
            Pass captured = measure(() -> first[0] = capture.capture(urls, MediaCapture.Progress.NONE));
            System.out.printf(Locale.ROOT, "capture media            %7.2f s  %7.1f images/s  peak heap %4d MB  %.2fx the floor's time; %d captured%n",
                    captured.seconds, urls.size() / captured.seconds, captured.peakHeapMb, captured.seconds / floor.seconds,
                    first[0].count(CaptureOutcome.CAPTURED));
            CaptureSummary[] second = new CaptureSummary[1];
            Pass revisited = measure(() -> second[0] = capture.capture(urls, MediaCapture.Progress.NONE));
            System.out.printf(Locale.ROOT, "capture again (revisits) %7.2f s  %7.1f images/s  peak heap %4d MB  %.2fx the floor's time; %d unchanged%n",
                    revisited.seconds, urls.size() / revisited.seconds, revisited.peakHeapMb,
                    revisited.seconds / floor.seconds, second[0].count(CaptureOutcome.UNCHANGED));
            Pass big = measure(() -> capture.capture(large, MediaCapture.Progress.NONE));
            System.out.printf(Locale.ROOT, "5 images of 20 MB        %7.2f s  %7.1f MB/s      peak heap %4d MB%n",
                    big.seconds, large.size() * 20 / big.seconds, big.peakHeapMb);
            long warcBytes = 0;
            for (Path file : store.warcFiles()) {
                warcBytes += Files.size(file);
            }
            System.out.printf(Locale.ROOT, "WARC files: %d, %.1f MB; index: %d captures%n", store.warcFiles().size(),
                    warcBytes / 1e6, store.size());
        } finally {
            servers.forEach(server -> server.stop(0));
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        System.exit(0);
    }

    /**
     * Writes {@code length} seeded random bytes behind a PNG signature (incompressible, and sniffed as an image), in
     * chunks, so that the hosts hold no image in the heap this benchmark measures.
     */
    private static void stream(Random random, long length, OutputStream out) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        long written = 0;
        while (written < length) {
            random.nextBytes(chunk);
            if (written == 0) {
                System.arraycopy(signature, 0, chunk, 0, signature.length);
            }
            int n = (int) Math.min(chunk.length, length - written);
            out.write(chunk, 0, n);
            written += n;
        }
    }

    private static void floor(List<String> urls, int threads) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> tasks = new ArrayList<>();
        for (String url : urls) {
            tasks.add(pool.submit(() -> {
                try (InputStream in = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                                HttpResponse.BodyHandlers.ofInputStream())
                        .body()) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                return null;
            }));
        }
        for (Future<?> task : tasks) {
            task.get();
        }
        pool.shutdown();
    }

    private record Pass(double seconds, long peakHeapMb) {}

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private static Pass measure(Work work) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new Pass(seconds, peak >> 20);
    }
}
