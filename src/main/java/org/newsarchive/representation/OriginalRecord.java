package org.newsarchive.representation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * What became of an article's original URL, as the archive's checks found ({@code capture links}).
 *
 * @param status {@code online}, {@code moved}, {@code gone}, {@code blocked}, {@code unreachable} or {@code
 *     unchecked}; {@code gone} only once two checks at least a day apart agree
 */
public record OriginalRecord(
        @Schema(allowableValues = {"online", "moved", "gone", "blocked", "unreachable", "unchecked"})
        String status,

        @Schema(nullable = true, description = "The HTTP status the latest check got, null without an answer")
        Integer httpStatus,

        @Schema(nullable = true, description = "When the latest check was made, null when never")
        Instant checkedAt,

        @Schema(nullable = true, description = "When the checks that found it gone began, null unless gone")
        Instant goneSince,

        @Schema(nullable = true, description = "Where the latest check's redirects ended")
        String finalUrl) {

    /** An original never checked. */
    public static final OriginalRecord UNCHECKED = new OriginalRecord("unchecked", null, null, null, null);
}
