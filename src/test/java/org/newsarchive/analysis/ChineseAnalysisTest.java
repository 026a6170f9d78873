package org.newsarchive.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/** Token-level tests of the analysis chains: terms, positions and offsets into the original text. */
class ChineseAnalysisTest {

    private static final ChineseAnalysis ANALYSIS = new ChineseAnalysis();

    /** Tokens as {@code term@start-end}, with {@code +0} marking a token stacked on the previous position. */
    private static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term + "@" + offset.startOffset() + "-" + offset.endOffset()
                        + (increment.getPositionIncrement() == 0 ? "+0" : ""));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        return tokens(analyzer, text).stream()
                .map(token -> token.substring(0, token.indexOf('@')))
                .toList();
    }

    @Test
    void traditionalIsFoldedBeforeSegmentationSoWordsMatchSimplified() {
        assertThat(terms(ANALYSIS.words(), "網絡互助")).isEqualTo(terms(ANALYSIS.words(), "网络互助"));
        assertThat(terms(ANALYSIS.words(), "網絡互助")).containsExactly("网络", "互助");
        assertThat(tokens(ANALYSIS.words(), "網絡互助")).containsExactly("网络@0-2", "互助@2-4");
    }

    @Test
    void conversionIsPhraseAware() {
        assertThat(String.join("", terms(ANALYSIS.queryBigrams(), "乾隆"))).isEqualTo("乾隆");
        assertThat(terms(ANALYSIS.words(), "頭髮很乾")).containsExactly("头发", "很", "干");
    }

    @Test
    void queryBigramsOfAPhraseAreOverlappingPairs() {
        assertThat(tokens(ANALYSIS.queryBigrams(), "關停支付寶")).containsExactly("关停@0-2", "停支@1-3", "支付@2-4", "付宝@3-5");
    }

    @Test
    void indexBigramsAddTheLastCharacterOfEachRunSoAnyCharacterIsFound() {
        assertThat(tokens(ANALYSIS.indexBigrams(), "互助会，好")).containsExactly("互助@0-2", "助会@1-3", "会@2-3+0", "好@4-5");
        assertThat(tokens(ANALYSIS.indexBigrams(), "a互助b")).containsExactly("a@0-1", "互助@1-3", "助@2-3+0", "b@3-4");
        assertThat(tokens(ANALYSIS.queryBigrams(), "助")).containsExactly("助@0-1");
    }

    @Test
    void fullWidthAndCaseAreFolded() {
        assertThat(terms(ANALYSIS.words(), "ＡＢＣ１２３ iPhone")).containsExactly("abc123", "iphone");
        assertThat(terms(ANALYSIS.queryBigrams(), "ＡＢＣ１２３")).containsExactly("abc123");
    }

    @Test
    void mixedLatinDigitsAndChineseKeepOffsets() {
        assertThat(tokens(ANALYSIS.words(), "硅谷银行SVB于2023年倒闭"))
                .containsExactly("硅谷@0-2", "银行@2-4", "svb@4-7", "于@7-8", "2023@8-12", "年@12-13", "倒闭@13-15");
    }

    @Test
    void emojiAndSupplementaryCharactersKeepCorrectOffsets() {
        String text = "😀中文𠀀字";
        List<String> bigrams = tokens(ANALYSIS.queryBigrams(), text);
        assertThat(bigrams).contains("中文@2-4");
        assertThat(tokens(ANALYSIS.words(), text)).allSatisfy(token -> {
            int at = token.indexOf('@');
            String[] range = token.substring(at + 1).split("-");
            assertThat(Integer.parseInt(range[1])).isLessThanOrEqualTo(text.length());
        });
    }

    @Test
    void supplementaryTargetsOfConversionKeepOriginalOffsets() {
        String text = "㑮字後";
        List<String> tokens = tokens(ANALYSIS.queryBigrams(), text);
        assertThat(tokens).last().asString().endsWith("@1-3");
    }

    @Test
    void emptyAndBlankInputYieldNoTokens() {
        assertThat(tokens(ANALYSIS.words(), "")).isEmpty();
        assertThat(tokens(ANALYSIS.queryBigrams(), "  \n\t ")).isEmpty();
    }
}
