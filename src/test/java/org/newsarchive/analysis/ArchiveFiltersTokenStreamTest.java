package org.newsarchive.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;

/**
 * The archive's own filters checked with Lucene's token stream test kit, each in the smallest chain that feeds it
 * what production feeds it: terms, offsets into the original characters and position increments, and random text of
 * every script through {@code checkRandomData}, which also checks reuse, reset, end and offsets read in any chunks.
 * A JUnit 4 test, as Lucene's test framework is, run by the vintage engine.
 */
public class ArchiveFiltersTokenStreamTest extends BaseTokenStreamTestCase {

    private static final int BIGRAM_SCRIPTS =
            CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL;

    /**
     * Whether tokens at one position share a start offset, as graph consumers expect. Not for the run-end unigram:
     * it is stacked on the last bigram so that positions stay bigram positions for phrases, yet keeps its own
     * character's offsets so that a one-character search marks that character, not the bigram. Nothing in the
     * archive's chains reads token graphs, so this is the kit's looser check, as Lucene's own tests use for filters
     * that stack tokens this way.
     */
    private static final boolean STACKED_OFFSETS_ARE_ITS_OWN = false;

    /** The char filter alone before a standard tokenizer. */
    private static Analyzer traditionalToSimplified() {
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new TraditionalToSimplifiedCharFilter(reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, new CJKBigramFilter(tokenizer, BIGRAM_SCRIPTS, false));
            }
        };
    }

    private static Analyzer hanlpWords() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, new HanLPWordFilter(tokenizer));
            }
        };
    }

    private static Analyzer runEndUnigrams() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(
                        tokenizer, new RunEndUnigramFilter(new CJKBigramFilter(tokenizer, BIGRAM_SCRIPTS, false)));
            }
        };
    }

    /** The run-end filter behind the NFKC char filter, which can turn one character into a run of several. */
    private static Analyzer runEndUnigramsAfterNfkc() {
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new ICUNormalizer2CharFilter(reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(
                        tokenizer, new RunEndUnigramFilter(new CJKBigramFilter(tokenizer, BIGRAM_SCRIPTS, false)));
            }
        };
    }

    public void testTraditionalCharactersBecomeSimplifiedWithOffsetsIntoTheOriginal() throws Exception {
        try (Analyzer analyzer = traditionalToSimplified()) {
            assertAnalyzesTo(
                    analyzer, "網絡 互助", new String[] {"网络", "互助"}, new int[] {0, 3}, new int[] {2, 5}, new int[] {1, 1});
        }
    }

    public void testAChineseRunIsSegmentedIntoWordsOnePositionEach() throws Exception {
        try (Analyzer analyzer = hanlpWords()) {
            assertAnalyzesTo(
                    analyzer,
                    "头发很干",
                    new String[] {"头发", "很", "干"},
                    new int[] {0, 2, 3},
                    new int[] {2, 3, 4},
                    new int[] {1, 1, 1});
        }
    }

    public void testTheLastCharacterOfARunIsStackedOnItsLastBigram() throws Exception {
        try (Analyzer analyzer = runEndUnigrams()) {
            assertAnalyzesTo(
                    analyzer,
                    "香港人",
                    new String[] {"香港", "港人", "人"},
                    new int[] {0, 1, 2},
                    new int[] {2, 3, 3},
                    null,
                    new int[] {1, 1, 0},
                    null,
                    STACKED_OFFSETS_ARE_ITS_OWN);
        }
    }

    /**
     * The kit checks every token's offsets for validity; a unigram placed before its bigram's start was not. The
     * bigrams share empty offsets, so each reads as a run of its own and gets its unigram: extra terms, no harm.
     */
    public void testARunThatNfkcMadeFromOneCharacterKeepsItsUnigramWithinTheOriginalOffsets() throws Exception {
        try (Analyzer analyzer = runEndUnigramsAfterNfkc()) {
            assertAnalyzesTo(
                    analyzer,
                    "㍿",
                    new String[] {"株式", "式", "式会", "会", "会社", "社"},
                    null,
                    null,
                    null,
                    new int[] {1, 0, 1, 0, 1, 0},
                    null,
                    STACKED_OFFSETS_ARE_ITS_OWN);
        }
    }

    public void testTraditionalToSimplifiedSurvivesRandomText() throws Exception {
        try (Analyzer analyzer = traditionalToSimplified()) {
            checkRandomData(random(), analyzer, 200 * RANDOM_MULTIPLIER);
        }
    }

    public void testHanlpWordsSurviveRandomText() throws Exception {
        try (Analyzer analyzer = hanlpWords()) {
            checkRandomData(random(), analyzer, 200 * RANDOM_MULTIPLIER);
        }
    }

    public void testRunEndUnigramsSurviveRandomText() throws Exception {
        try (Analyzer analyzer = runEndUnigrams()) {
            checkRandomData(random(), analyzer, 200 * RANDOM_MULTIPLIER, 20, false, STACKED_OFFSETS_ARE_ITS_OWN);
        }
    }
}
