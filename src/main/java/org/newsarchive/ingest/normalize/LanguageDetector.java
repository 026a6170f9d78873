package org.newsarchive.ingest.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import org.newsarchive.article.Language;

/**
 * Tells simplified from traditional Chinese by counting characters that exist in only one of the two scripts.
 *
 * <p>The character sets come from the traditional-to-simplified table that HanLP ships (OpenCC data), so the same
 * data decides script here and conversion in search. Text with few Han characters is {@link Language#OTHER}.
 * Immutable and thread-safe.
 */
final class LanguageDetector {

    private static final String TABLE = "/data/dictionary/tc/t2s.txt";
    private static final int SAMPLE_CHARS = 4_000;

    private final BitSet traditionalOnly = new BitSet(0x30000);
    private final BitSet simplifiedOnly = new BitSet(0x30000);

    LanguageDetector() {
        BitSet traditional = new BitSet(0x30000);
        BitSet simplified = new BitSet(0x30000);
        try (InputStream in = LanguageDetector.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("missing HanLP resource " + TABLE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int equals = line.indexOf('=');
                if (equals > 0 && line.codePointCount(0, equals) == 1) {
                    int from = line.codePointAt(0);
                    int to = line.codePointAt(equals + 1);
                    if (from != to && line.codePointCount(equals + 1, line.length()) == 1) {
                        traditional.set(from);
                        simplified.set(to);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        traditionalOnly.or(traditional);
        traditionalOnly.andNot(simplified);
        simplifiedOnly.or(simplified);
        simplifiedOnly.andNot(traditional);
    }

    Language detect(String text) {
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        int han = 0;
        int letters = 0;
        int traditional = 0;
        int simplified = 0;
        for (int i = 0; i < sample.length(); ) {
            int codePoint = sample.codePointAt(i);
            i += Character.charCount(codePoint);
            if (!Character.isLetter(codePoint)) {
                continue;
            }
            letters++;
            if (isHan(codePoint)) {
                han++;
                if (traditionalOnly.get(codePoint)) {
                    traditional++;
                } else if (simplifiedOnly.get(codePoint)) {
                    simplified++;
                }
            }
        }
        if (han == 0 || han * 6 < letters) {
            return Language.OTHER;
        }
        return traditional > simplified ? Language.ZH_HANT : Language.ZH_HANS;
    }

    private static boolean isHan(int codePoint) {
        return codePoint >= 0x3400 && codePoint <= 0x9FFF
                || codePoint >= 0xF900 && codePoint <= 0xFAFF
                || codePoint >= 0x20000 && codePoint <= 0x3134F;
    }
}
