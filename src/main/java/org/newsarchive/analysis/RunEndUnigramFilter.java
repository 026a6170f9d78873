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
 * positions, so phrase positions stay those of the bigrams. The unigram's offsets are its character's, or lie
 * within its bigram's where a char filter made that bigram from fewer characters (NFKC turns ㍿ into 株式会社, four
 * characters at the offsets of one). Not thread-safe, like every {@code TokenFilter}.
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
    private boolean inRun;
    private String runLastChar;
    private int runLastStart;
    private int runEnd;
    private boolean exhausted;

    /** @param input the output of a {@link CJKBigramFilter} without unigrams */
    public RunEndUnigramFilter(TokenStream input) {
        super(input);
    }

    /**
     * Passes tokens through, remembering the last character of the current bigram run; only where a run ends is
     * the following token's state captured, to be returned after the run-end unigram.
     */
    @Override
    public boolean incrementToken() throws IOException {
        if (next != null) {
            restoreState(next);
            next = null;
            return afterToken();
        }
        if (exhausted) {
            return false;
        }
        if (!input.incrementToken()) {
            exhausted = true;
            if (inRun) {
                emitRunEnd(Integer.MAX_VALUE);
                return true;
            }
            return false;
        }
        if (inRun && !(BIGRAM.equals(type.type()) && offset.startOffset() < runEnd)) {
            int nextStart = offset.startOffset();
            next = captureState();
            emitRunEnd(nextStart);
            return true;
        }
        return afterToken();
    }

    private boolean afterToken() {
        inRun = BIGRAM.equals(type.type());
        if (inRun) {
            runLastChar = lastCodePoint(term);
            runLastStart = offset.startOffset();
            runEnd = offset.endOffset();
        }
        return true;
    }

    /**
     * Emits the run's last character, its offsets never before its bigram's start nor after the start of the token
     * that follows ({@code nextStart}), so that offsets never go backwards: a char filter can map the characters of
     * a run onto fewer original ones, and the following token onto the same ones.
     */
    private void emitRunEnd(int nextStart) {
        clearAttributes();
        increment.setPositionIncrement(0);
        length.setPositionLength(1);
        term.setEmpty().append(runLastChar);
        int start = Math.max(runLastStart, Math.min(runEnd - runLastChar.length(), nextStart));
        offset.setOffset(start, runEnd);
        type.setType(RUN_END);
        inRun = false;
    }

    private static String lastCodePoint(CharSequence text) {
        int last = Character.codePointBefore(text, text.length());
        return new String(Character.toChars(last));
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        next = null;
        inRun = false;
        exhausted = false;
    }
}
