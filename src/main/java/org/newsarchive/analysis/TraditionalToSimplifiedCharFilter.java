package org.newsarchive.analysis;

import com.hankcs.hanlp.HanLP;
import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Folds traditional Chinese to simplified before tokenization, so the segmenter sees {@code 网络互助} whether the
 * text said {@code 網絡互助} or not.
 *
 * <p>Conversion is phrase-aware (HanLP's OpenCC-derived dictionaries: {@code 乾隆} stays, {@code 頭髮很乾} becomes
 * {@code 头发很干}). The dictionaries map each character to exactly one character, so output positions align with
 * input code points; where a character changes its UTF-16 length (a few rare characters map to supplementary ones),
 * offsets are corrected, so highlights always land on the original characters. The rare phrase entries that change
 * the character count are converted character by character instead. Reads its whole input on first use: article
 * texts are bounded by the ingest size limit. Not thread-safe, like every {@code CharFilter}.
 */
public final class TraditionalToSimplifiedCharFilter extends BaseCharFilter {

    private String converted;
    private int position;

    public TraditionalToSimplifiedCharFilter(Reader in) {
        super(in);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (converted == null) {
            converted = convert(readAll());
        }
        if (position >= converted.length()) {
            return -1;
        }
        int count = Math.min(length, converted.length() - position);
        converted.getChars(position, position + count, buffer, offset);
        position += count;
        return count;
    }

    private String readAll() throws IOException {
        StringBuilder text = new StringBuilder();
        char[] chunk = new char[8192];
        for (int read = input.read(chunk); read != -1; read = input.read(chunk)) {
            text.append(chunk, 0, read);
        }
        return text.toString();
    }

    private String convert(String original) {
        if (original.isEmpty()) {
            return original;
        }
        String simplified = HanLP.convertToSimplifiedChinese(original);
        if (simplified.codePointCount(0, simplified.length()) != original.codePointCount(0, original.length())) {
            simplified = convertCharByChar(original);
        }
        if (simplified.length() != original.length()) {
            recordOffsetCorrections(original, simplified);
        }
        return simplified;
    }

    private static String convertCharByChar(String original) {
        StringBuilder out = new StringBuilder(original.length());
        original.codePoints().forEach(codePoint -> {
            String single = new String(Character.toChars(codePoint));
            String converted = HanLP.convertToSimplifiedChinese(single);
            out.append(converted.codePointCount(0, converted.length()) == 1 ? converted : single);
        });
        return out.toString();
    }

    /** Output and input align code point by code point; record where their UTF-16 offsets drift apart. */
    private void recordOffsetCorrections(String original, String simplified) {
        int in = 0;
        int out = 0;
        while (in < original.length() && out < simplified.length()) {
            int inLength = Character.charCount(original.codePointAt(in));
            int outLength = Character.charCount(simplified.codePointAt(out));
            in += inLength;
            out += outLength;
            if (inLength != outLength) {
                addOffCorrectMap(out, in - out);
            }
        }
    }
}
