package org.newsarchive.ingest.normalize;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Makes link and image URLs safe and real: only absolute http(s) URLs survive, and image URLs wrapped in a CORS proxy
 * ({@code https://cors.zfour.workers.dev/?http://…}) are unwrapped to the original. Stateless and thread-safe.
 */
final class UrlCleaner {

    /** Lazy-loading attributes first: their value is the real image, {@code src} is often a placeholder. */
    private static final String[] IMAGE_SOURCE_ATTRIBUTES = {
        "data-original", "data-src", "data-lazy-src", "data-actualsrc", "data-url", "src"
    };

    private static final Pattern PROXIED = Pattern.compile("^https?://[^/?#]+/?\\?(?:url=)?(https?://.+)$");

    private UrlCleaner() {}

    /** The attributes that list an image's candidates by width; the lazy-loading one first. */
    private static final String[] SOURCE_SET_ATTRIBUTES = {"data-srcset", "srcset"};

    private static final Pattern WIDTH = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)([wx])");

    /**
     * The image URL of an {@code img}, possibly relative, or null when it has none worth keeping: the widest candidate
     * of its {@code srcset} (or of the {@code <source>}s of its {@code <picture>}), else its lazy-loading attribute,
     * else its {@code src}.
     */
    static String imageSource(Element img) {
        String widest = widestCandidate(img);
        if (widest != null) {
            return unwrapProxy(widest);
        }
        for (String attribute : IMAGE_SOURCE_ATTRIBUTES) {
            String value = img.attr(attribute).strip();
            if (!value.isEmpty() && !value.startsWith("data:") && !value.startsWith("javascript:")) {
                return unwrapProxy(value);
            }
        }
        String embedded = img.attr("src").strip();
        return isEmbeddedImage(embedded) ? embedded : null;
    }

    /**
     * Lazy-loading pages put a tiny placeholder in {@code src} as a {@code data:} URL; an image written into the page
     * itself is longer. It is kept only where the image has no other source.
     */
    private static final int PLACEHOLDER_MAX_LENGTH = 256;

    /** An image carried in its {@code data:} URL, longer than a lazy-loading placeholder. */
    static boolean isEmbeddedImage(String url) {
        return url.regionMatches(true, 0, "data:image/", 0, 11) && url.length() > PLACEHOLDER_MAX_LENGTH;
    }

    /**
     * The widest candidate of the image's source sets: width descriptors ({@code 640w}) compared with each other,
     * density descriptors ({@code 2x}) with each other, a width beating a density; null without a usable candidate.
     */
    private static String widestCandidate(Element img) {
        List<String> sets = new ArrayList<>();
        for (String attribute : SOURCE_SET_ATTRIBUTES) {
            sets.add(img.attr(attribute));
        }
        Element parent = img.parent();
        if (parent != null && parent.normalName().equals("picture")) {
            for (Element source : parent.children()) {
                if (source.normalName().equals("source")) {
                    for (String attribute : SOURCE_SET_ATTRIBUTES) {
                        sets.add(source.attr(attribute));
                    }
                }
            }
        }
        String best = null;
        double bestWidth = -1;
        boolean bestIsWidth = false;
        for (String set : sets) {
            for (String candidate : set.split(",(?=\\s|[^\\s,]+\\s)")) {
                String[] parts = candidate.strip().split("\\s+");
                String url = parts[0];
                if (url.isEmpty() || url.startsWith("data:") || url.startsWith("javascript:")) {
                    continue;
                }
                double width = 1;
                boolean isWidth = false;
                if (parts.length > 1) {
                    var descriptor = WIDTH.matcher(parts[1]);
                    if (descriptor.matches()) {
                        width = Double.parseDouble(descriptor.group(1));
                        isWidth = descriptor.group(2).equalsIgnoreCase("w");
                    }
                }
                if ((isWidth && !bestIsWidth) || (isWidth == bestIsWidth && width > bestWidth)) {
                    best = url;
                    bestWidth = width;
                    bestIsWidth = isWidth;
                }
            }
        }
        return best;
    }

    static String unwrapProxy(String url) {
        var matcher = PROXIED.matcher(url);
        return matcher.matches() ? matcher.group(1) : url;
    }

    /** The URL if it is an absolute http(s) URL, else null. */
    static String absoluteHttp(String url) {
        if (url == null) {
            return null;
        }
        String trimmed = url.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://")) || trimmed.length() > 2048) {
            return null;
        }
        try {
            URI uri = new URI(trimmed.replace(" ", "%20"));
            return uri.getHost() == null ? null : trimmed;
        } catch (URISyntaxException malformed) {
            return lenientHost(trimmed) != null ? trimmed : null;
        }
    }

    /** Resolves {@code url} against {@code base}; absolute URLs are returned as they are. Null when impossible. */
    static String resolve(String base, String url) {
        if (absoluteHttp(url) != null) {
            return url;
        }
        if (base == null || url == null || url.isBlank() || url.startsWith("data:")) {
            return null;
        }
        try {
            return absoluteHttp(
                    new URI(base).resolve(url.strip().replace(" ", "%20")).toString());
        } catch (URISyntaxException | IllegalArgumentException malformed) {
            return null;
        }
    }

    /** Lower-cased host of an http(s) URL, without {@code www.}, or null. */
    static String host(String url) {
        if (url == null) {
            return null;
        }
        String host = lenientHost(url);
        if (host == null) {
            return null;
        }
        host = host.toLowerCase(Locale.ROOT);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static String lenientHost(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return null;
        }
        int start = scheme + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        int colon = authority.indexOf(':');
        String host = colon >= 0 ? authority.substring(0, colon) : authority;
        return host.isEmpty() ? null : host;
    }
}
