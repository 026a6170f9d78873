import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.util.Bits;
import org.newsarchive.NewsArchiveApplication;
import org.newsarchive.article.Article;
import org.newsarchive.lucene.LuceneIndexReader;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchService;
import org.newsarchive.search.SortOrder;
import org.newsarchive.request.SearchParameters;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Search latency over an ingested archive: the search service in process, then the server-rendered search page over
 * HTTP on localhost, with ripgrep over the source folder as a baseline.
 *
 * <p>Usage: {@code java -Xmx512m -cp CLASSPATH bench/SearchLatencyBenchmark.java DATA_DIR [CORPUS_FOLDER]}. It draws
 * 500 realistic queries from the archive with a fixed seed (1 to 4 terms taken from titles and bodies, quoted
 * phrases, publisher and date filters), runs them once to warm up, then once timed; every search computes the top 20
 * hits with highlighted titles and snippets and the facet counts. The same 500 searches are then requested as
 * {@code /search} pages from the archive's own server, started in this JVM (gzip accepted, page body read in full):
 * the time of a full page render. With a corpus folder, {@code rg -l -F} searches it
 * for each query's first term (the first 100 queries) for comparison.
 */
public class SearchLatencyBenchmark {

    private static final int QUERIES = 500;
    private static final int RG_QUERIES = 100;

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java -cp CLASSPATH bench/SearchLatencyBenchmark.java DATA_DIR [CORPUS_FOLDER]");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]);
        Path corpus = args.length > 1 ? Path.of(args[1]) : null;
        Random random = new Random(7);
        try (ConfigurableApplicationContext archive = SpringApplication.run(
                NewsArchiveApplication.class,
                "--archive.data-dir=" + dataDir,
                "--archive.seeds-dir=",
                "--server.port=0",
                "--logging.level.root=WARN")) {
            LuceneIndexReader index = archive.getBean(LuceneIndexReader.class);
            SearchService search = archive.getBean(SearchService.class);
            List<Article> sample = sample(index, random, 2000);
            List<SearchRequest> requests = new ArrayList<>();
            List<String> firstTerms = new ArrayList<>();
            while (requests.size() < QUERIES) {
                Article article = sample.get(random.nextInt(sample.size()));
                String t1 = window(article.title(), 2 + random.nextInt(3), random);
                String t2 = window(article.text(), 2 + random.nextInt(3), random);
                String t3 = window(article.text(), 2 + random.nextInt(2), random);
                String phrase = window(article.text(), 4 + random.nextInt(5), random);
                if (t1 == null || t2 == null || t3 == null || phrase == null) {
                    continue;
                }
                int kind = random.nextInt(10);
                String query;
                Map<String, List<String>> filters = Map.of();
                LocalDate from = null;
                LocalDate to = null;
                if (kind < 4) {
                    query = t1;
                } else if (kind < 6) {
                    query = t1 + " " + t2 + (kind == 5 ? " " + t3 : "");
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
                firstTerms.add(query.replace("\"", "").split(" ")[0]);
            }
            requests.forEach(search::search);
            long[] nanos = new long[requests.size()];
            for (int i = 0; i < requests.size(); i++) {
                long start = System.nanoTime();
                search.search(requests.get(i));
                nanos[i] = System.nanoTime() - start;
            }
            report("archive search", nanos);
            report("search page over HTTP", pageRenders(archive, requests));
            Runtime runtime = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "heap max %d MB, used after run %d MB%n",
                    runtime.maxMemory() >> 20, (runtime.totalMemory() - runtime.freeMemory()) >> 20);
            if (corpus != null) {
                long[] rg = new long[RG_QUERIES];
                for (int i = 0; i < RG_QUERIES; i++) {
                    long start = System.nanoTime();
                    Process process = new ProcessBuilder("rg", "-l", "-F", firstTerms.get(i), corpus.toString())
                            .redirectErrorStream(true)
                            .start();
                    process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                    process.waitFor();
                    rg[i] = System.nanoTime() - start;
                }
                report("rg -l -F (first term)", rg);
                long[] ours = Arrays.copyOf(nanos, RG_QUERIES);
                System.out.printf(Locale.ROOT, "p50 ratio rg/archive on the same %d queries: %.0fx%n",
                        RG_QUERIES, percentile(rg, 50) / percentile(ours, 50));
            }
        }
    }

    /** Requests each search as a page twice, the first time to warm up, and times the second. */
    private static long[] pageRenders(ConfigurableApplicationContext archive, List<SearchRequest> requests)
            throws Exception {
        String base = "http://localhost:" + archive.getEnvironment().getProperty("local.server.port");
        HttpClient http = HttpClient.newHttpClient();
        List<URI> pages = requests.stream()
                .map(request -> URI.create(base + new SearchParameters(
                                request.query(), request.filters(), request.from(), request.to(), null, 1)
                        .href()))
                .toList();
        long[] nanos = new long[pages.size()];
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < pages.size(); i++) {
                long start = System.nanoTime();
                HttpResponse<byte[]> page = http.send(
                        HttpRequest.newBuilder(pages.get(i)).header("Accept-Encoding", "gzip").build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                nanos[i] = System.nanoTime() - start;
                if (page.statusCode() != 200) {
                    throw new IllegalStateException(pages.get(i) + " answered " + page.statusCode());
                }
            }
        }
        return nanos;
    }

    private static void report(String name, long[] nanos) {
        System.out.printf(Locale.ROOT, "%s: n=%d p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms%n", name, nanos.length,
                percentile(nanos, 50), percentile(nanos, 90), percentile(nanos, 99), percentile(nanos, 100));
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

    private static List<Article> sample(LuceneIndexReader index, Random random, int count) {
        return index.withSearcher(searcher -> {
            List<Article> articles = new ArrayList<>();
            int maxDoc = searcher.getIndexReader().maxDoc();
            Bits live = MultiBits.getLiveDocs(searcher.getIndexReader());
            try {
                for (int i = 0; i < count * 3 && articles.size() < count; i++) {
                    int doc = random.nextInt(maxDoc);
                    if (live == null || live.get(doc)) {
                        articles.add(index.article(searcher, doc));
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return articles;
        });
    }
}
