package org.newsarchive.analysis;

/**
 * A text after {@link ChineseAnalysis#fold folding}, with a map back to the original characters.
 *
 * @param folded the folded text
 * @param originalOffsets for each offset {@code i} of {@code folded} (0 to its length inclusive), the matching
 *     offset in the original text
 */
public record FoldedText(String folded, int[] originalOffsets) {

    /** The offset in the original text that corresponds to {@code foldedOffset}. */
    public int originalOffset(int foldedOffset) {
        return originalOffsets[foldedOffset];
    }
}
