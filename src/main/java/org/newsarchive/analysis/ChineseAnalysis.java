package org.newsarchive.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The one place where the archive's analysis chains are built; indexing, querying and highlighting all use them.
 *
 * <p>Every chain starts with the same folding, as char filters so that offsets stay on the original text: NFKC with
 * case folding (full-width to half-width, {@code ＡＢＣ１２３} to {@code abc123}), then traditional to simplified
 * ({@link TraditionalToSimplifiedCharFilter}) before any tokenizer sees the text. Two views follow:
 *
 * <ul>
 *   <li>{@link #WORDS}: words from {@link HanLPWordFilter}, for precise ranking;
 *   <li>{@link #BIGRAMS}: overlapping CJK bigrams, for recall, so any substring of two or more characters is found.
 *       At index time the last character of each run is added ({@link RunEndUnigramFilter}), so with the bigrams
 *       that start with it every occurrence of a single character is findable, for one extra token per run.
 * </ul>
 *
 * Immutable and thread-safe: Lucene analyzers reuse per-thread components.
 */
public final class ChineseAnalysis {

    /** Chain name of the word view. */
    public static final String WORDS = "words";
    /** Chain name of the bigram view. */
    public static final String BIGRAMS = "bigrams";

    private static final int BIGRAM_SCRIPTS =
            CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL;

    private final Analyzer words = new FoldingAnalyzer(FoldingAnalyzer.View.WORDS);
    private final Analyzer prefoldedWords = new FoldingAnalyzer(FoldingAnalyzer.View.PREFOLDED_WORDS);
    private final Analyzer indexBigrams = new FoldingAnalyzer(FoldingAnalyzer.View.INDEX_BIGRAMS);
    private final Analyzer queryBigrams = new FoldingAnalyzer(FoldingAnalyzer.View.QUERY_BIGRAMS);

    /**
     * The analyzer for documents, each field by its view. Word-view fields must be given text already passed
     * through {@link #fold}: documents are folded once, for several uses, and word fields need no offsets into the
     * original because they are never highlighted.
     */
    public Analyzer indexAnalyzer(Map<String, String> viewByField) {
        return perField(viewByField, prefoldedWords, indexBigrams);
    }

    /** The analyzer for queries: the same chains, folding included, without the indexed run-end characters. */
    public Analyzer queryAnalyzer(Map<String, String> viewByField) {
        return perField(viewByField, words, queryBigrams);
    }

    /** The word chain alone, for token tests and for segmenting query terms. */
    public Analyzer words() {
        return words;
    }

    public Analyzer indexBigrams() {
        return indexBigrams;
    }

    public Analyzer queryBigrams() {
        return queryBigrams;
    }

    /**
     * The folded form of {@code text}, as every chain sees it before tokenizing: NFKC with case folding, then
     * traditional to simplified.
     */
    public static String fold(String text) {
        try (Reader reader =
                new TraditionalToSimplifiedCharFilter(new ICUNormalizer2CharFilter(new StringReader(text)))) {
            StringBuilder folded = new StringBuilder(text.length());
            char[] buffer = new char[4096];
            for (int read = reader.read(buffer); read != -1; read = reader.read(buffer)) {
                folded.append(buffer, 0, read);
            }
            return folded.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A field value (a publisher, a tag) as filters and field searches match it: {@link #fold folded} and
     * stripped, so that {@code gnews}, {@code ＧＮｅｗｓ} and {@code GNews} are one value, as are 大纪元 and 大紀元.
     */
    public static String foldValue(String value) {
        return fold(value).strip();
    }

    /**
     * The folded form of {@code text} together with the way back: {@link FoldedText#originalOffset} maps each offset
     * in the folded text to the offset of the same place in {@code text}. Used to mark matches in the original
     * characters outside the index, for example search terms in an article being read.
     */
    public FoldedText foldTracked(String text) {
        CharFilter filter = new TraditionalToSimplifiedCharFilter(new ICUNormalizer2CharFilter(new StringReader(text)));
        try (filter) {
            StringBuilder folded = new StringBuilder(text.length());
            char[] buffer = new char[4096];
            for (int read = filter.read(buffer); read != -1; read = filter.read(buffer)) {
                folded.append(buffer, 0, read);
            }
            int[] offsets = new int[folded.length() + 1];
            for (int i = 0; i < offsets.length; i++) {
                offsets[i] = Math.min(text.length(), filter.correctOffset(i));
            }
            return new FoldedText(folded.toString(), offsets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folded text with everything but letters and digits removed: the key under which two titles are equal. */
    public String titleKey(String text) {
        return keyOfFolded(fold(text));
    }

    /** {@link #titleKey} of text already folded. */
    public String keyOfFolded(String folded) {
        StringBuilder key = new StringBuilder();
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.toString();
    }

    private static Analyzer perField(Map<String, String> viewByField, Analyzer wordView, Analyzer bigramView) {
        Map<String, Analyzer> analyzers = new HashMap<>();
        viewByField.forEach((field, view) -> analyzers.put(field, view.equals(WORDS) ? wordView : bigramView));
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), analyzers);
    }

    /** The shared folding plus one tokenization view. */
    private static final class FoldingAnalyzer extends Analyzer {

        enum View {
            WORDS,
            PREFOLDED_WORDS,
            INDEX_BIGRAMS,
            QUERY_BIGRAMS
        }

        private final View view;

        FoldingAnalyzer(View view) {
            this.view = view;
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return view == View.PREFOLDED_WORDS
                    ? reader
                    : new TraditionalToSimplifiedCharFilter(new ICUNormalizer2CharFilter(reader));
        }

        @Override
        protected Reader initReaderForNormalization(String fieldName, Reader reader) {
            return initReader(fieldName, reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = switch (view) {
                case WORDS, PREFOLDED_WORDS -> new HanLPWordFilter(tokenizer);
                case INDEX_BIGRAMS -> new RunEndUnigramFilter(new CJKBigramFilter(tokenizer, BIGRAM_SCRIPTS, false));
                case QUERY_BIGRAMS -> new CJKBigramFilter(tokenizer, BIGRAM_SCRIPTS, false);
            };
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
