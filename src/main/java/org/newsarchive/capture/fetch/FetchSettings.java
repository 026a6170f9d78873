package org.newsarchive.capture.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * How the fetcher behaves; {@code archive.capture} in the configuration gives each setting and its meaning.
 *
 * @param userAgent names the archive and a contact URL, so a site's operator knows who fetches
 */
public record FetchSettings(
        AddressPolicy policy,
        long maxBody,
        Duration connectTimeout,
        Duration fetchTimeout,
        Duration hostDelay,
        Duration maxRetryAfter,
        String userAgent) {

    /** The most redirects followed from one URL. */
    public static final int MAX_REDIRECTS = 5;

    public FetchSettings {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(userAgent, "userAgent");
    }

    /** The User-Agent the archive sends: its name, and where a site's operator can learn about it. */
    public static String userAgent(String contact) {
        String link = contact == null || contact.isBlank() ? "" : "; +" + contact;
        return "news-archive/0.1 (web archive of Chinese news" + link + ")";
    }
}
