package org.newsarchive.capture.link;

import java.time.Instant;
import java.util.Objects;

/**
 * One check of an original URL: what this check alone found. Whether the original is gone takes two checks that
 * agree ({@link Original#of}).
 *
 * @param url the original URL checked
 * @param checkedAt when the check began
 * @param found what this check found
 * @param httpStatus the status of the last answer, 0 when none came
 * @param finalUrl where the redirects ended, the URL itself without any
 * @param reason why no answer came, null when one did
 */
public record LinkCheck(
        String url, Instant checkedAt, OriginalStatus found, int httpStatus, String finalUrl, String reason) {

    public LinkCheck {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(found, "found");
    }
}
