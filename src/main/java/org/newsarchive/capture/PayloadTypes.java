package org.newsarchive.capture;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.apache.tika.Tika;

/**
 * The media type of a payload, read from its first bytes with Apache Tika's magic numbers, never from the
 * {@code Content-Type} its host sent: a host can call a script an image. Thread-safe.
 */
public final class PayloadTypes {

    /** Raster images: the only payloads the archive serves inline. SVG is not here: it can carry script. */
    private static final Set<String> INLINE =
            Set.of("image/jpeg", "image/png", "image/gif", "image/webp", "image/avif");

    private static final Tika TIKA = new Tika();

    private PayloadTypes() {}

    /** The type of the bytes {@code payload} gives (it reads the first few kilobytes only and closes nothing). */
    public static String sniff(InputStream payload) throws IOException {
        return TIKA.detect(payload.readNBytes(8192));
    }

    /** The type of {@code head}, the first bytes of a payload. */
    public static String sniff(byte[] head) {
        return TIKA.detect(head);
    }

    /** Whether a payload of {@code type} may be shown inline; anything else is served as an attachment. */
    public static boolean isInlineImage(String type) {
        return type != null && INLINE.contains(type);
    }
}
