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
import java.util.function.Consumer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.newsarchive.NewsArchiveApplication;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.lucene.LuceneFacets;
import org.newsarchive.lucene.LuceneSearchService;
import org.newsarchive.query.QueryFactory;
import org.newsarchive.schema.IndexFields;
import org.newsarchive.search.SearchPlan;
import org.newsarchive.article.Article;
import org.newsarchive.lucene.LuceneIndexReader;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchResults;
import org.newsarchive.search.SearchService;
import org.newsarchive.search.SortOrder;
import org.newsarchive.request.SearchParameters;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Search latency over an ingested archive, every search computed: the search service in process against bare Lucene
 * running the same match queries in the same run, then the server-rendered search page over HTTP on localhost, with
 * ripgrep over the source folder as a second baseline.
 *
 * <p>Usage: {@code java -Xmx512m -cp CLASSPATH bench/SearchLatencyBenchmark.java DATA_DIR [CORPUS_FOLDER]}. It draws
 * 500 realistic queries from the archive with a fixed seed (1 to 4 terms taken from titles and bodies, quoted
 * phrases, publisher and date filters). The archive runs with its result cache off, so no timed search is a cache
 * hit. Each pass runs the 500 searches once to warm up and once timed; an archive search computes the top 20 hits
 * with copies collapsed, highlighted titles and snippets and all facet counts. The floor is the same match query
 * (filters included) given to {@link IndexSearcher#search(Query, int)}: top 20, no ranking clauses, no facets, no
 * records, no snippets. The passes alternate (floor, archive, floor, archive) so that both see the same machine.
 * A search service with a result cache then answers the same searches twice, the second time timed, to show what a
 * cache hit costs apart. The same 500 searches are then requested as {@code /search} pages from the archive's own
 * server, started in this JVM (gzip accepted, page body read in full). With a corpus folder, {@code rg -l -F}
 * searches it for each query's first term (the first 100 queries) for comparison. With {@code RESULTS_DUMP=FILE}
 * in the environment, the benchmark times nothing: every computed result (total, hits with copies, highlighted titles and snippets, facet
 * counts) is written to FILE, one line per search, so that two builds can be compared with {@code diff}.
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
                "--archive.search.cached-results=0",
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
            String dump = System.getenv("RESULTS_DUMP");
            if (dump != null) {
                List<String> lines = new ArrayList<>();
                for (SearchRequest request : requests) {
                    SearchResults results = search.search(request);
                    lines.add(request.query() + " " + request.filters() + " | total " + results.total()
                            + (results.totalIsExact() ? "" : "+") + " | " + results.fallback() + " | "
                            + results.hits().stream()
                                    .map(hit -> hit.article().id() + "x" + hit.copies() + " " + hit.titleHighlighted()
                                            + " " + hit.snippet().replace("\n", "\\n"))
                                    .toList()
                            + " | " + new java.util.TreeMap<>(results.facets()));
                }
                java.nio.file.Files.write(Path.of(dump), lines);
                System.out.println("wrote every result to " + dump);
                return;
            }
            ChineseAnalysis analysis = archive.getBean(ChineseAnalysis.class);
            BareLucene floor = new BareLucene(index, analysis);
            long[] nanos = null;
            long[] floorNanos = null;
            for (int round = 0; round < 2; round++) {
                floorNanos = time(requests, floor::search);
                nanos = time(requests, search::search);
            }
            report("bare Lucene floor (same match query, top 20, nothing else)", floorNanos);
            report("archive search, computed (20 highlighted hits, copies collapsed, all facets)", nanos);
            System.out.printf(Locale.ROOT, "archive / floor: p50 %.1fx, p90 %.1fx, p99 %.1fx%n",
                    percentile(nanos, 50) / percentile(floorNanos, 50),
                    percentile(nanos, 90) / percentile(floorNanos, 90),
                    percentile(nanos, 99) / percentile(floorNanos, 99));
            SearchService cached = new LuceneSearchService(index, analysis, QUERIES);
            requests.forEach(cached::search);
            report("archive search, cache hits (same searches repeated)", time(requests, cached::search));
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

    private static long[] time(List<SearchRequest> requests, Consumer<SearchRequest> search) {
        requests.forEach(search);
        long[] nanos = new long[requests.size()];
        for (int i = 0; i < requests.size(); i++) {
            long start = System.nanoTime();
            search.accept(requests.get(i));
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    /**
     * The floor: the archive's own match query for a request, filters included, run by Lucene for the top 20 and
     * nothing else (default totals threshold, no ranking clauses, facets, records or snippets).
     */
    private static final class BareLucene {
        private final LuceneIndexReader index;
        private final QueryFactory queries;
        private final FacetsConfig facets = LuceneFacets.config();

        BareLucene(LuceneIndexReader index, ChineseAnalysis analysis) {
            this.index = index;
            this.queries = new QueryFactory(analysis);
        }

        /** The term the archive filters a facet value by: folded for the folded dimensions, as stored otherwise. */
        private Term facetTerm(String dimension, String value) {
            return IndexFields.FOLDED_FACETS.contains(dimension)
                    ? new Term(IndexFields.folded(dimension), ChineseAnalysis.foldValue(value))
                    : DrillDownQuery.term(facets.getDimConfig(dimension).indexFieldName, dimension, value);
        }

        void search(SearchRequest request) {
            SearchPlan plan = SearchPlan.of(request);
            BooleanQuery.Builder query = new BooleanQuery.Builder()
                    .add(queries.build(plan.parsed(), false).match(), Occur.MUST);
            if (plan.hasDateRange()) {
                query.add(
                        LongPoint.newRangeQuery(
                                IndexFields.DATE,
                                plan.published().fromMillis(),
                                plan.published().toMillis()),
                        Occur.FILTER);
            }
            request.filters().forEach((dimension, values) -> values.forEach(value -> query.add(
                    new TermQuery(facetTerm(dimension, value)),
                    Occur.FILTER)));
            index.withSearcher(searcher -> {
                try {
                    return searcher.search(query.build(), request.size());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
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
