package org.newsarchive.capture.link;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.newsarchive.capture.fetch.Fetcher;
import org.newsarchive.capture.fetch.NoResponse;
import org.newsarchive.capture.fetch.Response;

/**
 * Classifies one check of an original URL from where its redirects led and, for a page read, its title. A
 * redirect to the site's home page and a page titled as not found are soft 404s: the article is gone although the
 * status says otherwise. A redirect that changes only the scheme, the host's case or a trailing slash keeps the
 * article where it was.
 */
final class LinkClassifier {

    /** Titles of pages that say their article is not there, in the site's words. */
    private static final Pattern NOT_FOUND_TITLE =
            Pattern.compile("(?i)\\b404\\b|page\\s+not\\s+found|页面不存在|頁面不存在|已删除|已刪除|该内容已被删除|該內容已被刪除");

    private LinkClassifier() {}

    /**
     * @param title the title of the page the check read, null when it read none
     */
    static LinkCheck classify(URI url, Instant checkedAt, Fetcher.Chain chain, String title) {
        List<Fetcher.Chain.Hop> hops = chain.hops();
        String finalUrl = chain.finalUrl().toString();
        if (chain.last() instanceof NoResponse none) {
            OriginalStatus found = none.refused()
                    ? OriginalStatus.UNCHECKED
                    : none.reason().endsWith("does not resolve") ? OriginalStatus.GONE : OriginalStatus.UNREACHABLE;
            return new LinkCheck(url.toString(), checkedAt, found, 0, finalUrl, none.reason());
        }
        int status = ((Response) chain.last()).status();
        return new LinkCheck(
                url.toString(),
                checkedAt,
                found(url, chain.finalUrl(), hops.size() > 1, status, title),
                status,
                finalUrl,
                null);
    }

    private static OriginalStatus found(URI url, URI end, boolean redirected, int status, String title) {
        if (status == 404 || status == 410) {
            return OriginalStatus.GONE;
        }
        if (status == 401 || status == 403 || status == 451) {
            return OriginalStatus.BLOCKED;
        }
        if (status < 200 || status >= 300) {
            return OriginalStatus.UNREACHABLE;
        }
        if (title != null && NOT_FOUND_TITLE.matcher(title).find()) {
            return OriginalStatus.GONE;
        }
        if (!redirected || samePlace(url, end)) {
            return OriginalStatus.ONLINE;
        }
        return isHomePage(end) ? OriginalStatus.GONE : OriginalStatus.MOVED;
    }

    private static boolean isHomePage(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath().toLowerCase(Locale.ROOT);
        return url.getRawQuery() == null
                && (path.isEmpty() || path.equals("/") || path.matches("/(index|default|home)\\.(html?|php|aspx?)"));
    }

    private static boolean samePlace(URI a, URI b) {
        return host(a).equals(host(b))
                && trimmed(a.getRawPath()).equals(trimmed(b.getRawPath()))
                && String.valueOf(a.getRawQuery()).equals(String.valueOf(b.getRawQuery()));
    }

    private static String host(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static String trimmed(String path) {
        String value = path == null ? "" : path;
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
