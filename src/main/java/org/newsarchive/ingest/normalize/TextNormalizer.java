package org.newsarchive.ingest.normalize;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/**
 * Whitespace rules for Chinese text that was pretty-printed as HTML.
 *
 * <p>Mirror scripts indent inline elements on their own lines, so {@code 在中国的\n  <span>医保</span>\n  体系} must
 * read {@code 在中国的医保体系}: a whitespace run that holds a line break is source formatting, and it is dropped
 * next to a CJK character and becomes one space between Latin words. Runs without a line break are real spaces
 * ({@code 2021 年 10 月}) and collapse to one space. All methods are stateless and thread-safe.
 */
final class TextNormalizer {

    private TextNormalizer() {}

    /** Normalizes whitespace across all text nodes of {@code block}, as if they were one string. */
    static void joinWhitespace(Element block) {
        List<TextNode> nodes = new ArrayList<>();
        NodeTraversor.traverse(
                (Node node, int depth) -> {
                    if (node instanceof TextNode textNode) {
                        nodes.add(textNode);
                    }
                },
                block);
        if (nodes.isEmpty()) {
            return;
        }
        StringBuilder all = new StringBuilder();
        int[] starts = new int[nodes.size() + 1];
        for (int i = 0; i < nodes.size(); i++) {
            starts[i] = all.length();
            all.append(nodes.get(i).getWholeText());
        }
        starts[nodes.size()] = all.length();
        boolean[] keep = new boolean[all.length()];
        char[] replacement = new char[all.length()];
        decide(all, keep, replacement);
        for (int i = 0; i < nodes.size(); i++) {
            StringBuilder text = new StringBuilder(starts[i + 1] - starts[i]);
            for (int k = starts[i]; k < starts[i + 1]; k++) {
                if (keep[k]) {
                    text.append(replacement[k]);
                }
            }
            nodes.get(i).text(text.toString());
        }
    }

    private static void decide(CharSequence all, boolean[] keep, char[] replacement) {
        int length = all.length();
        int i = 0;
        while (i < length) {
            char c = all.charAt(i);
            if (!isSpace(c)) {
                keep[i] = true;
                replacement[i] = c;
                i++;
                continue;
            }
            int end = i;
            boolean lineBreak = false;
            while (end < length && isSpace(all.charAt(end))) {
                lineBreak |= all.charAt(end) == '\n' || all.charAt(end) == '\r';
                end++;
            }
            if (i > 0 && end < length && !dropsBetween(all, i, end, lineBreak)) {
                keep[i] = true;
                replacement[i] = ' ';
            }
            i = end;
        }
    }

    private static boolean dropsBetween(CharSequence all, int runStart, int runEnd, boolean lineBreak) {
        if (!lineBreak) {
            return false;
        }
        int before = Character.codePointBefore(all, runStart);
        int after = Character.codePointAt(all, runEnd);
        return isCjk(before) || isCjk(after) || (isNeutral(before) && isNeutral(after));
    }

    /** Plain text of a normalized block: text nodes joined, {@code <br>} as a line break, trimmed. */
    static String blockText(Element block) {
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(
                (Node node, int depth) -> {
                    if (node instanceof TextNode textNode) {
                        text.append(textNode.getWholeText());
                    } else if (node instanceof Element element && element.nameIs("br")) {
                        text.append('\n');
                    }
                },
                block);
        return strip(text.toString());
    }

    /** Trims ASCII, no-break and ideographic spaces. */
    static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    static boolean isSpace(char c) {
        return c == ' '
                || c == '\n'
                || c == '\r'
                || c == '\t'
                || c == '\f'
                || c == '\u00A0'
                || c == '\u3000'
                || c == '\u200B'
                || c == '\uFEFF';
    }

    /** Han, kana, hangul, bopomofo, CJK punctuation and full-width forms. */
    static boolean isCjk(int codePoint) {
        if (codePoint >= 0x3000 && codePoint <= 0x303F || codePoint >= 0xFF00 && codePoint <= 0xFFEF) {
            return true;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO;
    }

    /** Punctuation shared by Chinese and Latin text: it takes the spacing of its neighbours. */
    private static boolean isNeutral(int codePoint) {
        return codePoint >= 0x2010 && codePoint <= 0x2027 || codePoint == 0x00B7;
    }

    /** Counts Han characters, the unit of Chinese reading speed and of language detection. */
    static int countHan(CharSequence text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x3400 && c <= 0x9FFF || c >= 0xF900 && c <= 0xFAFF) {
                count++;
            }
        }
        return count;
    }
}
