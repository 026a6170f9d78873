import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.newsarchive.article.Article;
import org.newsarchive.ingest.normalize.ArticleNormalizer;
import org.newsarchive.ingest.normalize.NormalizationResult;

/**
 * Ingestion throughput and quality over a folder of articles: parse + normalize only, on one thread.
 *
 * <p>Usage: {@code java -cp CLASSPATH bench/IngestBenchmark.java FOLDER [MAX_FILES]}. Files are read into memory
 * first, so disk speed does not count. A full untimed pass warms up the JIT before the timed pass. The reference
 * path, which reads all Markdown through rendered HTML, is then timed over the same files, and every article of the
 * two passes is compared.
 */
public class IngestBenchmark {

    /** Text that must never survive cleaning: mirror navigation, repost links, promos, wiki markup. */
    static final List<String> BOILERPLATE_MARKERS = List.of(
            ":house:", "返回首頁", "轉載自GNews", "免责声明：本文", "【免责声明】", "ROL Foundation", "Terms of use", "Privacy Policy",
            "[[zh:", "本文短网址", "手机上长按", "原文地址", "需翻墙");

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: java -cp CLASSPATH bench/IngestBenchmark.java FOLDER [MAX_FILES]");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        int max = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
        List<Path> paths;
        try (Stream<Path> files = Files.walk(folder)) {
            paths = files.filter(Files::isRegularFile).sorted().limit(max).toList();
        }
        List<byte[]> contents = new ArrayList<>(paths.size());
        long bytes = 0;
        for (Path path : paths) {
            byte[] content = Files.readAllBytes(path);
            contents.add(content);
            bytes += content.length;
        }
        ArticleNormalizer normalizer = new ArticleNormalizer();
        Instant now = Instant.now();
        for (int i = 0; i < contents.size(); i++) {
            normalizer.normalize(contents.get(i), "warmup", now);
        }
        // The reference path, Markdown through rendered HTML and jsoup, timed in the same run, and compared.
        ArticleNormalizer throughHtml = ArticleNormalizer.markdownThroughHtml();
        long referenceStart = System.nanoTime();
        List<NormalizationResult> reference = new ArrayList<>(contents.size());
        for (int i = 0; i < contents.size(); i++) {
            reference.add(throughHtml.normalize(contents.get(i), paths.get(i).getFileName().toString(), now));
        }
        double referenceSeconds = (System.nanoTime() - referenceStart) / 1e9;
        int refused = 0;
        int noSourceUrl = 0;
        int withMarkers = 0;
        int withEmphasisMarkers = 0;
        int shortText = 0;
        int dated = 0;
        List<String> examples = new ArrayList<>();
        long start = System.nanoTime();
        List<NormalizationResult> results = new ArrayList<>(contents.size());
        for (int i = 0; i < contents.size(); i++) {
            results.add(normalizer.normalize(contents.get(i), paths.get(i).getFileName().toString(), now));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (int i = 0; i < results.size(); i++) {
            NormalizationResult result = results.get(i);
            if (!(result instanceof NormalizationResult.Normalized normalized)) {
                refused++;
                if (examples.size() < 10) {
                    examples.add("refused " + paths.get(i) + ": " + result.problems());
                }
                continue;
            }
            Article article = normalized.article();
            if (article.sourceUrl() == null) {
                noSourceUrl++;
            }
            if (article.publishedAt() != null) {
                dated++;
            }
            if (article.text().length() < 20) {
                shortText++;
            }
            String all = article.title() + "\n" + article.text() + "\n" + article.html();
            String texts = article.title() + "\n" + article.text() + "\n" + String.join("\n", article.editors())
                    + "\n" + String.join("\n", article.authors());
            if (texts.contains("**")) {
                withEmphasisMarkers++;
                if (examples.size() < 20) {
                    examples.add("'**' left in " + paths.get(i));
                }
            }
            for (String marker : BOILERPLATE_MARKERS) {
                if (all.contains(marker)) {
                    withMarkers++;
                    if (examples.size() < 20) {
                        examples.add("marker '" + marker + "' in " + paths.get(i));
                    }
                    break;
                }
            }
        }
        int differing = 0;
        for (int i = 0; i < results.size(); i++) {
            if (!describe(results.get(i)).equals(describe(reference.get(i)))) {
                differing++;
                if (examples.size() < 20) {
                    examples.add("differs from the HTML path: " + paths.get(i));
                }
            }
        }
        double megabytes = bytes / 1e6;
        System.out.printf(Locale.ROOT, "files=%d input=%.1f MB time=%.2f s throughput=%.1f MB/s %.0f docs/s%n",
                contents.size(), megabytes, seconds, megabytes / seconds, contents.size() / seconds);
        System.out.printf(Locale.ROOT,
                "refused=%d noSourceUrl=%d dated=%d shortText=%d withBoilerplateMarkers=%d withEmphasisMarkers=%d%n",
                refused, noSourceUrl, dated, shortText, withMarkers, withEmphasisMarkers);
        System.out.printf(Locale.ROOT,
                "reference path (Markdown through HTML and jsoup): %.2f s, %.1f MB/s; the syntax-tree path is %.2fx"
                        + " as fast; articles that differ between the two: %d%n",
                referenceSeconds, megabytes / referenceSeconds, referenceSeconds / seconds, differing);
        examples.forEach(System.out::println);
    }

    private static String describe(NormalizationResult result) {
        return result instanceof NormalizationResult.Normalized normalized
                ? normalized.article().toString()
                : result.problems().toString();
    }
}
