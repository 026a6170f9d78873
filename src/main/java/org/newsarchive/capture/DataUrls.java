package org.newsarchive.capture;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** Decodes {@code data:} URLs (RFC 2397), which carry their payload in the URL itself. Stateless. */
final class DataUrls {

    private DataUrls() {}

    static boolean isDataUrl(String url) {
        return url != null && url.regionMatches(true, 0, "data:", 0, 5);
    }

    /**
     * The payload of {@code data:[<type>][;base64],<data>}: base64-decoded, or percent-decoded when not base64.
     *
     * @throws IllegalArgumentException when it is no {@code data:} URL, or its base64 is broken
     */
    static byte[] decode(String url) {
        int comma = url.indexOf(',');
        if (!isDataUrl(url) || comma < 0) {
            throw new IllegalArgumentException("not a data: URL");
        }
        String header = url.substring(5, comma).toLowerCase(Locale.ROOT);
        String data = url.substring(comma + 1);
        if (header.endsWith(";base64")) {
            return Base64.getMimeDecoder()
                    .decode(URLDecoder.decode(data.replace("+", "%2B"), StandardCharsets.US_ASCII));
        }
        return URLDecoder.decode(data.replace("+", "%2B"), StandardCharsets.ISO_8859_1)
                .getBytes(StandardCharsets.ISO_8859_1);
    }
}
