package org.newsarchive.capture.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A {@code Retry-After} header: a number of seconds or an HTTP date (RFC 9110 §10.2.3).
 *
 * @param seconds the delay, when given as seconds
 * @param at the time, when given as a date
 */
record RetryAfter(Duration seconds, Instant at) {

    static Optional<RetryAfter> parse(String value) {
        String trimmed = value.strip();
        if (trimmed.matches("\\d{1,9}")) {
            return Optional.of(new RetryAfter(Duration.ofSeconds(Long.parseLong(trimmed)), null));
        }
        try {
            return Optional.of(new RetryAfter(
                    null,
                    ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** How long to wait from {@code now}; never negative. */
    Duration wait(Instant now) {
        Duration wait = seconds != null ? seconds : Duration.between(now, at);
        return wait.isNegative() ? Duration.ZERO : wait;
    }
}
