package org.newsarchive.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stable article ids. An article with a known source URL is identified by its canonical URL, so the same story
 * mirrored under two paths, or re-ingested, gets the same id; otherwise by its normalized text. Stateless and
 * thread-safe.
 */
final class ArticleIds {

    private static final Pattern GNEWS_ARTICLE =
            Pattern.compile("^gnews\\.org/(?:[a-z]{2}(?:-[a-z]{2,4})?/)?(?:articles/|\\d{4}/\\d{2}/)?(\\d+)(?:/.*)?$");
    private static final Pattern TRACKING_PARAMETER =
            Pattern.compile("(?:^|&)(?:utm_[^=&]*|fbclid|gclid|from|spm)=[^&]*");
    private static final int ID_HEX_CHARS = 16;

    private ArticleIds() {}

    static String fromSourceUrl(String url) {
        return hash("url:" + canonicalUrl(url));
    }

    static String fromText(String text) {
        return hash("text:" + text.replaceAll("\\s+", ""));
    }

    /**
     * The URL with scheme, {@code www.}, default port, fragment, trailing slash and tracking parameters removed, and
     * the host lower-cased; GNews article URLs of every layout map to {@code gnews.org/articles/N}.
     */
    static String canonicalUrl(String url) {
        String text = url.strip();
        int scheme = text.indexOf("://");
        String rest = scheme >= 0 ? text.substring(scheme + 3) : text;
        int fragment = rest.indexOf('#');
        if (fragment >= 0) {
            rest = rest.substring(0, fragment);
        }
        String query = "";
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = TRACKING_PARAMETER
                    .matcher(rest.substring(question + 1))
                    .replaceAll("")
                    .replaceAll("^&+", "");
            rest = rest.substring(0, question);
        }
        int slash = rest.indexOf('/');
        String host = (slash < 0 ? rest : rest.substring(0, slash)).toLowerCase(Locale.ROOT);
        String path = slash < 0 ? "" : rest.substring(slash);
        host = host.replaceFirst(":(?:80|443)$", "").replaceFirst("^www\\.", "");
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String canonical = host + path;
        Matcher gnews = GNEWS_ARTICLE.matcher(canonical);
        if (gnews.matches()) {
            return "gnews.org/articles/" + gnews.group(1);
        }
        return query.isEmpty() ? canonical : canonical + "?" + query;
    }

    private static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, ID_HEX_CHARS);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is required by every JVM", impossible);
        }
    }
}
