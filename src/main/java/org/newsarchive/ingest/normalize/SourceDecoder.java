package org.newsarchive.ingest.normalize;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns raw file bytes into text, refusing what is not text.
 *
 * <p>UTF-8 (with or without BOM) is tried first and strictly. Files that are not UTF-8 are given to ICU's
 * {@link CharsetDetector}, limited to the encodings Chinese news files come in (GB18030 and its GBK/GB2312 subsets,
 * Big5, UTF-16). Text that is almost UTF-8 with a few broken bytes is decoded as UTF-8 with replacement characters
 * and a warning, so a single bad byte never costs a whole article. Thread-safe.
 */
final class SourceDecoder {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Set<String> CJK_CHARSETS = Set.of("GB18030", "Big5", "UTF-16LE", "UTF-16BE", "UTF-8");
    private static final int SNIFF_BYTES = 8192;

    DecodedText decode(byte[] bytes) {
        if (bytes.length == 0) {
            throw new RefusedFileException("empty file");
        }
        if (startsWith(bytes, UTF8_BOM)) {
            return decodeUtf8(ByteBuffer.wrap(bytes, 3, bytes.length - 3), "UTF-8 (BOM)");
        }
        if (bytes.length >= 2
                && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                        || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            Charset utf16 = bytes[0] == (byte) 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
            return new DecodedText(new String(bytes, 2, bytes.length - 2, utf16), utf16.name(), List.of());
        }
        if (looksBinary(bytes)) {
            throw new RefusedFileException("binary file, not text");
        }
        return decodeUtf8(ByteBuffer.wrap(bytes), "UTF-8");
    }

    private DecodedText decodeUtf8(ByteBuffer bytes, String label) {
        try {
            String text = strictDecoder(StandardCharsets.UTF_8)
                    .decode(bytes.duplicate())
                    .toString();
            return new DecodedText(text, label, List.of());
        } catch (CharacterCodingException notUtf8) {
            return decodeOther(bytes, label);
        }
    }

    private DecodedText decodeOther(ByteBuffer buffer, String utf8Label) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        int invalid = countInvalidUtf8Sequences(bytes);
        int multiByte = countUtf8MultiByteSequences(bytes);
        if (multiByte > 0 && invalid * 20 < multiByte) {
            return replacingUtf8(bytes, utf8Label, invalid);
        }
        String detected = detectCjkCharset(bytes);
        if (detected == null) {
            return replacingUtf8(bytes, utf8Label, invalid);
        }
        Charset charset = Charset.forName(detected.equals("Big5") ? "Big5-HKSCS" : detected);
        List<IngestProblem> warnings = new ArrayList<>();
        String text;
        try {
            text = strictDecoder(charset).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException partlyInvalid) {
            text = new String(bytes, charset);
            warnings.add(IngestProblem.warning("some bytes are invalid in " + detected + " and were replaced"));
        }
        return new DecodedText(text, detected, warnings);
    }

    private static DecodedText replacingUtf8(byte[] bytes, String label, int invalid) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String message =
                invalid + " invalid UTF-8 byte sequence" + (invalid == 1 ? " was" : "s were") + " replaced with U+FFFD";
        return new DecodedText(text, label, List.of(IngestProblem.warning(message)));
    }

    private static String detectCjkCharset(byte[] bytes) {
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes);
        CharsetMatch[] matches = detector.detectAll();
        if (matches == null) {
            return null;
        }
        for (CharsetMatch match : matches) {
            if (CJK_CHARSETS.contains(match.getName()) && match.getConfidence() >= 10) {
                return match.getName().equals("UTF-8") ? null : match.getName();
            }
        }
        return null;
    }

    private static CharsetDecoder strictDecoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** NUL bytes or many control characters in the first 8 KiB mean the file is not text in any encoding we read. */
    private static boolean looksBinary(byte[] bytes) {
        int limit = Math.min(bytes.length, SNIFF_BYTES);
        int control = 0;
        for (int i = 0; i < limit; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1B) {
                control++;
            }
        }
        return control * 10 > limit;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int countUtf8MultiByteSequences(byte[] bytes) {
        int count = 0;
        for (int i = 0; i < bytes.length; i++) {
            int length = validSequenceLength(bytes, i);
            if (length > 1) {
                count++;
                i += length - 1;
            }
        }
        return count;
    }

    private static int countInvalidUtf8Sequences(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        int invalid = 0;
        while (in.hasRemaining()) {
            var result = decoder.decode(in, out, true);
            if (result.isError()) {
                invalid++;
                in.position(in.position() + result.length());
            } else {
                break;
            }
        }
        return invalid;
    }

    /** Length of the well-formed UTF-8 sequence starting at {@code i}, or 0 when none starts there. */
    private static int validSequenceLength(byte[] bytes, int i) {
        int b = bytes[i] & 0xFF;
        int length =
                b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
        if (length == 0 || i + length > bytes.length) {
            return 0;
        }
        for (int k = 1; k < length; k++) {
            if ((bytes[i + k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        return length;
    }
}
