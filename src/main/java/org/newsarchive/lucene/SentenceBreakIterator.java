package org.newsarchive.lucene;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;

/**
 * Sentence boundaries for Chinese news text, for choosing snippet passages: after {@code 。！？；!?;}, after a line
 * break, and after a period followed by a space. Boundaries are found on demand by scanning from the asked offset to
 * the nearest one, so the cost is that of the sentences around a match, not of the whole article: the highlighter
 * asks for a few boundaries around each match of texts that can be a hundred thousand characters long. Not
 * thread-safe, like every {@link BreakIterator}.
 */
final class SentenceBreakIterator extends BreakIterator {

    private static final String ENDINGS = "。！？；!?;\n";

    private String text = "";
    private int current;

    @Override
    public void setText(String newText) {
        text = newText;
        current = 0;
    }

    @Override
    public void setText(CharacterIterator newText) {
        StringBuilder copy = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            copy.append(c);
        }
        setText(copy.toString());
    }

    @Override
    public CharacterIterator getText() {
        return new StringCharacterIterator(text);
    }

    /** Whether a sentence starts at {@code offset}: the text's ends, and right after a sentence ending. */
    @Override
    public boolean isBoundary(int offset) {
        if (offset <= 0 || offset >= text.length()) {
            return offset == 0 || offset == text.length();
        }
        char before = text.charAt(offset - 1);
        return ENDINGS.indexOf(before) >= 0 || (before == '.' && Character.isWhitespace(text.charAt(offset)));
    }

    @Override
    public int first() {
        current = 0;
        return current;
    }

    @Override
    public int last() {
        current = text.length();
        return current;
    }

    @Override
    public int next(int n) {
        int result = current;
        for (int i = 0; i < n && result != DONE; i++) {
            result = next();
        }
        for (int i = 0; i > n && result != DONE; i--) {
            result = previous();
        }
        return result;
    }

    @Override
    public int next() {
        return following(current);
    }

    @Override
    public int previous() {
        return preceding(current);
    }

    @Override
    public int following(int offset) {
        if (offset >= text.length()) {
            current = text.length();
            return DONE;
        }
        int boundary = Math.max(offset, -1) + 1;
        while (!isBoundary(boundary)) {
            boundary++;
        }
        current = boundary;
        return boundary;
    }

    @Override
    public int preceding(int offset) {
        if (offset <= 0) {
            current = 0;
            return DONE;
        }
        int boundary = Math.min(offset, text.length() + 1) - 1;
        while (!isBoundary(boundary)) {
            boundary--;
        }
        current = boundary;
        return boundary;
    }

    @Override
    public int current() {
        return current;
    }
}
