import com.hankcs.hanlp.HanLP;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.util.Bits;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.article.Article;
import org.newsarchive.article.Language;
import org.newsarchive.lucene.LuceneIndexReader;
import org.newsarchive.lucene.LuceneSearchService;
import org.newsarchive.search.SearchHit;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchResults;
import org.newsarchive.search.SearchService;
import org.newsarchive.search.SortOrder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search quality over an ingested archive: known-item phrase recall, cross-script recall, substring completeness and
 * title known-item.
 *
 * <p>Usage: {@code java -Xmx3g -cp CLASSPATH bench/SearchQualityBenchmark.java DATA_DIR [SEED]}, where DATA_DIR was
 * filled by {@code news-archive ingest --archive.data-dir=DATA_DIR FOLDER}. Samples are drawn with a fixed seed.
 */
public class SearchQualityBenchmark {

    private static final int PHRASE_SAMPLES = 1000;
    private static final int WINDOW = 8;
    private static final int SUBSTRING_SAMPLES = 200;
    private static final int TITLE_SAMPLES = 1000;

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java -cp CLASSPATH bench/SearchQualityBenchmark.java DATA_DIR [SEED]");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]);
        Random random = new Random(args.length > 1 ? Long.parseLong(args[1]) : 42);
        ChineseAnalysis analysis = new ChineseAnalysis();
        try (LuceneIndexReader index = LuceneIndexReader.lastCommit(dataDir.resolve("index"), JsonMapper.builder().build())) {
            SearchService search = new LuceneSearchService(index, analysis);
            List<Article> articles = loadAll(index);
            System.out.printf(Locale.ROOT, "articles=%d%n", articles.size());

            int phraseHits = 0, crossHits = 0, phraseTried = 0, commonWindows = 0, commonMisses = 0;
            List<String> misses = new ArrayList<>();
            for (int i = 0; i < PHRASE_SAMPLES; i++) {
                Article article = articles.get(random.nextInt(articles.size()));
                String window = hanWindow(article.text(), random);
                if (window == null) {
                    continue;
                }
                phraseTried++;
                boolean common = search.search(SearchRequest.of("\"" + window + "\"")).total() > 10;
                commonWindows += common ? 1 : 0;
                if (inTop10(search, "\"" + window + "\"", article, search.copies(article.id()))) {
                    phraseHits++;
                } else if (common) {
                    commonMisses++;
                } else if (misses.size() < 5) {
                    misses.add("phrase miss: " + window + " in " + article.id());
                }
                String otherScript = article.language() == Language.ZH_HANT
                        ? HanLP.convertToSimplifiedChinese(window)
                        : HanLP.convertToTraditionalChinese(window);
                if (inTop10(search, "\"" + otherScript + "\"", article, search.copies(article.id()))) {
                    crossHits++;
                } else if (misses.size() < 10) {
                    misses.add("cross-script miss: " + otherScript + " in " + article.id());
                }
            }

            List<String> folded = articles.stream()
                    .map(a -> analysis.fold(a.title()) + "\n" + analysis.fold(a.text()))
                    .toList();
            int substringExact = 0;
            for (int i = 0; i < SUBSTRING_SAMPLES; i++) {
                Article article = articles.get(random.nextInt(articles.size()));
                String pair = hanWindowOf(article.text(), 2, random);
                if (pair == null) {
                    i--;
                    continue;
                }
                String foldedPair = analysis.fold(pair);
                long truth = folded.stream().filter(text -> text.contains(foldedPair)).count();
                SearchResults results = search.search(new SearchRequest(
                        "\"" + pair + "\"", Map.of(), null, null, SortOrder.RELEVANCE, 1, 1));
                boolean equal = results.totalIsExact() ? results.total() == truth : truth >= results.total();
                if (equal) {
                    substringExact++;
                } else if (misses.size() < 15) {
                    misses.add("substring count: " + pair + " index=" + results.total() + " truth=" + truth);
                }
            }

            int titleFirst = 0, sharedTitleMisses = 0;
            for (int i = 0; i < TITLE_SAMPLES; i++) {
                Article article = articles.get(random.nextInt(articles.size()));
                SearchResults results = search.search(new SearchRequest(
                        article.title(), Map.of(), null, null, SortOrder.RELEVANCE, 1, 1));
                if (!results.hits().isEmpty()
                        && sameStory(results.hits().get(0).article(), article, search.copies(article.id()))) {
                    titleFirst++;
                } else if (!results.hits().isEmpty() && results.hits().get(0).article().title().equals(article.title())) {
                    sharedTitleMisses++;
                } else if (misses.size() < 20) {
                    misses.add("title miss: " + article.title());
                }
            }

            System.out.printf(Locale.ROOT, "phrase recall@10: %d/%d = %.2f%%%n", phraseHits, phraseTried, 100.0 * phraseHits / phraseTried);
            System.out.printf(Locale.ROOT, "  windows found in more than 10 articles: %d, of which missed: %d; recall@10 on the others: %.2f%%%n",
                    commonWindows, commonMisses, 100.0 * phraseHits / Math.max(1, phraseTried - commonMisses));
            System.out.printf(Locale.ROOT, "cross-script recall@10: %d/%d = %.2f%%%n", crossHits, phraseTried, 100.0 * crossHits / phraseTried);
            System.out.printf(Locale.ROOT, "substring completeness: %d/%d = %.2f%%%n", substringExact, SUBSTRING_SAMPLES, 100.0 * substringExact / SUBSTRING_SAMPLES);
            System.out.printf(Locale.ROOT, "title known-item first: %d/%d = %.2f%%%n", titleFirst, TITLE_SAMPLES, 100.0 * titleFirst / TITLE_SAMPLES);
            System.out.printf(Locale.ROOT, "  missed because another article has the identical title: %d; on unique titles: %.2f%%%n",
                    sharedTitleMisses, 100.0 * titleFirst / Math.max(1, TITLE_SAMPLES - sharedTitleMisses));
            misses.forEach(System.out::println);
        }
    }

    private static boolean inTop10(SearchService search, String query, Article article, List<Article> copies) {
        SearchResults results = search.search(new SearchRequest(query, Map.of(), null, null, SortOrder.RELEVANCE, 1, 10));
        for (SearchHit hit : results.hits()) {
            if (sameStory(hit.article(), article, copies)) {
                return true;
            }
        }
        return false;
    }

    /** The same article, or a copy of it: grouped with it by the archive, or with the same title and text. */
    private static boolean sameStory(Article hit, Article target, List<Article> copies) {
        return hit.id().equals(target.id())
                || copies.stream().anyMatch(copy -> copy.id().equals(hit.id()))
                || hit.title().equals(target.title()) && hit.text().equals(target.text());
    }

    private static String hanWindow(String text, Random random) {
        return hanWindowOf(text, WINDOW, random);
    }

    /** A random run of {@code length} consecutive Han characters of {@code text}, or null after 200 tries. */
    private static String hanWindowOf(String text, int length, Random random) {
        if (text.length() < length) {
            return null;
        }
        for (int attempt = 0; attempt < 200; attempt++) {
            int start = random.nextInt(text.length() - length + 1);
            String window = text.substring(start, start + length);
            if (window.chars().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                return window;
            }
        }
        return null;
    }

    private static List<Article> loadAll(LuceneIndexReader index) {
        return index.withSearcher(searcher -> {
            List<Article> all = new ArrayList<>();
            Bits live = MultiBits.getLiveDocs(searcher.getIndexReader());
            try {
                for (int doc = 0; doc < searcher.getIndexReader().maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        all.add(index.article(searcher, doc));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return all;
        });
    }
}
