package org.newsarchive.article;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * Stable article ids, the one place that knows their form: {@value #ID_HEX_CHARS} lower-case hexadecimal characters,
 * the start of a SHA-256. An article with a known source URL is identified by its canonical URL, so the same story
 * mirrored under two paths, or re-ingested, gets the same id; otherwise by its normalized text. Stateless and
 * thread-safe.
 */
public final class ArticleIds {

    private static final Pattern GNEWS_ARTICLE =
            Pattern.compile("^gnews\\.org/(?:[a-z]{2}(?:-[a-z]{2,4})?/)?(?:articles/|\\d{4}/\\d{2}/)?(\\d+)(?:/.*)?$");
    private static final Pattern TRACKING_PARAMETER =
            Pattern.compile("(?:^|&)(?:utm_[^=&]*|fbclid|gclid|from|spm)=[^&]*");
    private static final int ID_HEX_CHARS = 16;
    private static final Pattern WELL_FORMED = Pattern.compile("[0-9a-f]{" + ID_HEX_CHARS + "}");

    private ArticleIds() {}

    /** Whether {@code id} has the form of an id the archive gives, so that it is worth looking up. */
    public static boolean isWellFormed(String id) {
        return id != null && WELL_FORMED.matcher(id).matches();
    }

    public static String fromSourceUrl(String url) {
        return hash("url:" + canonicalUrl(url));
    }

    public static String fromText(String text) {
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
        return DigestUtils.sha256Hex(key).substring(0, ID_HEX_CHARS);
    }
}
