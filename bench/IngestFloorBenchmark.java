import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * The archive's {@code ingest} and {@code reindex} against a bare-Lucene indexing floor, in the same run.
 *
 * <p>Usage: {@code java -cp CLASSPATH bench/IngestFloorBenchmark.java FOLDER [MAX_FILES] [HEAP]}, after
 * {@code ./mvnw -q -B package -DskipTests}. The first {@code MAX_FILES} files of {@code FOLDER} (sorted by path) are
 * hard-linked into a scratch folder, then, in this order:
 *
 * <ol>
 *   <li>the floor: every file's bytes, decoded as UTF-8, indexed as one field with CJK bigrams (StandardTokenizer and
 *       CJKBigramFilter), nothing stored, on two threads, committed once;
 *   <li>{@code java -Xmx<HEAP> -jar target/news-archive.jar ingest} of the folder into an empty data directory;
 *   <li>{@code reindex} of that data directory from its raw store;
 *   <li>the floor again.
 * </ol>
 *
 * It prints each wall time, the archive's times as multiples of the mean floor, the archive's peak resident memory,
 * the index's size as a multiple of the files' bytes, and the index's bytes by file type (compound files unpacked
 * by name).
 */
public class IngestFloorBenchmark {

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java -cp CLASSPATH bench/IngestFloorBenchmark.java FOLDER [MAX_FILES] [HEAP]");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        int max = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
        String heap = args.length > 2 ? args[2] : "1g";
        Path jar = Path.of("target/news-archive.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the jar first: ./mvnw -q -B package -DskipTests");
        }
        Path scratch = Files.createTempDirectory("ingest-floor");
        Path files = scratch.resolve("files");
        List<Path> inputs = linkFirst(folder, max, files);
        long bytes = 0;
        for (Path input : inputs) {
            bytes += Files.size(input);
        }
        System.out.printf(Locale.ROOT, "%d files, %.1f MB (10^6 bytes), heap %s%n", inputs.size(), bytes / 1e6, heap);

        double floor1 = floor(inputs, scratch.resolve("floor1"));
        deleteTree(scratch.resolve("floor1"));
        System.out.printf(Locale.ROOT, "floor (bare Lucene, CJK bigrams, 2 threads): %.1f s%n", floor1);

        Path data = scratch.resolve("data");
        Run ingest = archive(jar, heap, data, "ingest", files.toString());
        System.out.printf(Locale.ROOT, "ingest: %.1f s, peak RSS %.0f MB, exit %d%n", ingest.seconds, ingest.peakRssMb,
                ingest.exit);
        Map<String, Long> byType = sizeByType(data.resolve("index"));
        long indexBytes = byType.values().stream().mapToLong(Long::longValue).sum();

        Run reindex = archive(jar, heap, data, "reindex");
        System.out.printf(Locale.ROOT, "reindex: %.1f s, peak RSS %.0f MB, exit %d%n", reindex.seconds,
                reindex.peakRssMb, reindex.exit);

        double floor2 = floor(inputs, scratch.resolve("floor2"));
        deleteTree(scratch.resolve("floor2"));
        System.out.printf(Locale.ROOT, "floor again: %.1f s%n", floor2);
        double floor = (floor1 + floor2) / 2;

        System.out.println();
        System.out.printf(Locale.ROOT, "ingest  = %.2fx floor (%.0f files/s, %.2f MB/s)%n", ingest.seconds / floor,
                inputs.size() / ingest.seconds, bytes / 1e6 / ingest.seconds);
        System.out.printf(Locale.ROOT, "reindex = %.2fx floor (%.0f files/s, %.2f MB/s)%n", reindex.seconds / floor,
                inputs.size() / reindex.seconds, bytes / 1e6 / reindex.seconds);
        System.out.printf(Locale.ROOT, "index after ingest: %.1f MB = %.2fx the files' bytes%n", indexBytes / 1e6,
                (double) indexBytes / bytes);
        byType.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(entry -> entry.getValue() > 100_000)
                .forEach(entry -> System.out.printf(Locale.ROOT, "  %-4s %8.1f MB  %s%n", entry.getKey(),
                        entry.getValue() / 1e6, describe(entry.getKey())));
        Map<String, Long> afterReindex = sizeByType(data.resolve("index"));
        System.out.printf(Locale.ROOT, "index after reindex: %.1f MB%n",
                afterReindex.values().stream().mapToLong(Long::longValue).sum() / 1e6);
        System.out.println("the archive is kept for other benchmarks: " + data + " (logs beside it)");
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Hard links to the first {@code max} regular files under {@code folder}, so the archive reads just those. */
    static List<Path> linkFirst(Path folder, int max, Path target) throws IOException {
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(folder)) {
            sources = walk.filter(Files::isRegularFile).sorted().limit(max).toList();
        }
        Files.createDirectories(target);
        List<Path> links = new ArrayList<>(sources.size());
        for (Path source : sources) {
            Path link = target.resolve(folder.relativize(source).toString().replace('/', '_'));
            try {
                Files.createLink(link, source);
            } catch (IOException | UnsupportedOperationException notLinkable) {
                Files.copy(source, link);
            }
            links.add(link);
        }
        return links;
    }

    /** Seconds to index the files' text with CJK bigrams only, on two threads, nothing stored. */
    static double floor(List<Path> inputs, Path directory) throws Exception {
        Analyzer bigrams = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, new CJKBigramFilter(tokenizer));
            }
        };
        long start = System.nanoTime();
        try (FSDirectory store = FSDirectory.open(directory);
                IndexWriter writer = new IndexWriter(store, new IndexWriterConfig(bigrams).setRAMBufferSizeMB(64))) {
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < inputs.size(); i = next.getAndIncrement()) {
                        try {
                            String text = new String(Files.readAllBytes(inputs.get(i)), StandardCharsets.UTF_8);
                            Document document = new Document();
                            document.add(new TextField("text", text, Field.Store.NO));
                            writer.addDocument(document);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            pool.shutdown();
            writer.commit();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    record Run(double seconds, double peakRssMb, int exit) {}

    /** Runs the archive's command line in its own JVM, polling its peak resident memory (VmHWM). */
    static Run archive(Path jar, String heap, Path data, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(
                "java", "-Xmx" + heap, "-XX:+HeapDumpOnOutOfMemoryError", "-jar", jar.toString()));
        line.add(command[0]);
        line.add("--archive.data-dir=" + data);
        line.addAll(List.of(command).subList(1, command.length));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(line)
                .redirectErrorStream(true)
                .redirectOutput(data.resolveSibling(command[0] + ".log").toFile())
                .start();
        double peak = 0;
        Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
        while (process.isAlive()) {
            peak = Math.max(peak, highWaterMb(status));
            process.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(seconds, peak, process.exitValue());
    }

    private static double highWaterMb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException exited) {
            // The process ended between two polls; the last reading stands.
        }
        return 0;
    }

    /** Bytes by Lucene file extension; a compound file's parts are counted by the extension they carry inside. */
    static Map<String, Long> sizeByType(Path index) throws IOException {
        Map<String, Long> sizes = new TreeMap<>();
        try (FSDirectory store = FSDirectory.open(index)) {
            var segments = org.apache.lucene.index.SegmentInfos.readLatestCommit(store).asList();
            for (String name : store.listAll()) {
                if (name.endsWith(".cfs")) {
                    String segment = name.substring(0, name.length() - 4);
                    var info = segments.stream()
                            .filter(commit -> commit.info.name.equals(segment))
                            .findFirst();
                    if (info.isPresent()) {
                        var codec = info.get().info.getCodec();
                        try (var compound =
                                codec.compoundFormat().getCompoundReader(store, info.get().info, org.apache.lucene.store.IOContext.READONCE)) {
                            for (String inner : compound.listAll()) {
                                sizes.merge(extension(inner), compound.fileLength(inner), Long::sum);
                            }
                        }
                        continue;
                    }
                }
                sizes.merge(extension(name), store.fileLength(name), Long::sum);
            }
        }
        return sizes;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    private static String describe(String extension) {
        return switch (extension) {
            case "fdt" -> "stored fields";
            case "pos" -> "positions";
            case "doc" -> "postings (docs, freqs)";
            case "pay" -> "offsets and payloads";
            case "tim", "tip" -> "terms";
            case "dvd" -> "doc values";
            case "nvd" -> "norms";
            case "kdd", "kdi" -> "points";
            default -> "";
        };
    }
}
