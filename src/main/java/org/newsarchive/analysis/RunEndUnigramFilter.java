package org.newsarchive.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Adds the last character of each run of CJK bigrams as a unigram, stacked on the run's last bigram.
 *
 * <p>With bigrams alone, a character is findable as the start of a bigram, except the last character of a run. This
 * filter indexes exactly those characters, so a one-character query (a prefix query on the bigram field) finds every
 * occurrence, at the cost of one extra token per run instead of one per character. The stacked unigram does not move
 * positions, so phrase positions stay those of the bigrams. Not thread-safe, like every {@code TokenFilter}.
 */
public final class RunEndUnigramFilter extends TokenFilter {

    static final String BIGRAM = "<DOUBLE>";
    static final String UNIGRAM = "<SINGLE>";
    static final String RUN_END = "<RUN_END>";

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final PositionLengthAttribute length = addAttribute(PositionLengthAttribute.class);

    private AttributeSource.State next;
    private AttributeSource.State runEnd;
    private boolean exhausted;

    /** @param input the output of a {@link CJKBigramFilter} without unigrams */
    public RunEndUnigramFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (runEnd != null) {
            restoreState(runEnd);
            runEnd = null;
            return true;
        }
        if (next != null) {
            restoreState(next);
            next = null;
        } else if (exhausted || !input.incrementToken()) {
            exhausted = true;
            return false;
        }
        if (!BIGRAM.equals(type.type())) {
            return true;
        }
        AttributeSource.State bigram = captureState();
        int bigramStart = offset.startOffset();
        int bigramEnd = offset.endOffset();
        String lastChar = lastCodePoint(term);
        boolean runContinues = false;
        if (input.incrementToken()) {
            runContinues = BIGRAM.equals(type.type())
                    && offset.startOffset() > bigramStart
                    && offset.startOffset() < bigramEnd;
            next = captureState();
        } else {
            exhausted = true;
        }
        if (!runContinues) {
            restoreState(bigram);
            increment.setPositionIncrement(0);
            length.setPositionLength(1);
            term.setEmpty().append(lastChar);
            offset.setOffset(bigramEnd - lastChar.length(), bigramEnd);
            type.setType(RUN_END);
            runEnd = captureState();
        }
        restoreState(bigram);
        return true;
    }

    private static String lastCodePoint(CharSequence text) {
        int last = Character.codePointBefore(text, text.length());
        return new String(Character.toChars(last));
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        next = null;
        runEnd = null;
        exhausted = false;
    }
}
