package org.newsarchive.capture.link;

import java.util.Locale;

/** What became of an article's original URL, as its checks tell. */
public enum OriginalStatus {
    /** The original answers 2xx. */
    ONLINE,
    /** The original redirects to another article path. */
    MOVED,
    /**
     * Two checks at least {@code archive.capture.gone-after} apart found it gone: 404, 410, a name that no longer
     * resolves, or a soft 404 (a redirect to the site's home page, a 200 page whose title says it is not found or
     * deleted).
     */
    GONE,
    /** The site refuses the archive: 401, 403, 451. */
    BLOCKED,
    /** No usable answer: a timeout, a refused connection, a TLS failure, a server error. */
    UNREACHABLE,
    /** Never checked, or not checkable (not an http or https URL, an address the archive never contacts). */
    UNCHECKED;

    /** The name in URLs, the API and exports: {@code online}, {@code gone}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
