package org.newsarchive.capture.fetch;

import java.time.Duration;
import java.util.Objects;
import org.newsarchive.config.ArchiveProperties;

/**
 * How the fetcher behaves; see {@link ArchiveProperties.Capture} for each setting's meaning.
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

    public static FetchSettings of(ArchiveProperties.Capture capture) {
        String contact = capture.contact() == null || capture.contact().isBlank() ? "" : "; +" + capture.contact();
        return new FetchSettings(
                new AddressPolicy(capture.allowAddresses(), capture.ports()),
                capture.maxBody().toBytes(),
                capture.connectTimeout(),
                capture.fetchTimeout(),
                capture.hostDelay(),
                capture.maxRetryAfter(),
                "news-archive/0.1 (web archive of Chinese news" + contact + ")");
    }
}
