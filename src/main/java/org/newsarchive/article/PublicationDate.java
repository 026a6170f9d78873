package org.newsarchive.article;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A publication date as precise as its source allows.
 *
 * <p>For {@link DatePrecision#DATE_TIME} the {@code instant} is set; for {@code DATE} and {@code MONTH} only the
 * calendar {@code date} is (the first of the month for {@code MONTH}), because the source gives no time of day and
 * inventing one would mislead.
 *
 * @param instant the exact moment, only for {@code DATE_TIME}
 * @param date the calendar date in the publisher's local time (first day of the month for {@code MONTH})
 * @param assumedOffset set when the source gave a local time without a zone and the offset was assumed
 * @param inferred true when the date is deduced from indirect evidence rather than stated by the source
 */
public record PublicationDate(
        Instant instant,
        LocalDate date,
        DatePrecision precision,
        DateSource source,
        ZoneOffset assumedOffset,
        boolean inferred) {

    public PublicationDate {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(source, "source");
        if ((precision == DatePrecision.DATE_TIME) != (instant != null)) {
            throw new IllegalArgumentException("instant is required for DATE_TIME precision and only for it");
        }
    }

    public static PublicationDate ofInstant(Instant instant, DateSource source) {
        return new PublicationDate(
                instant, instant.atOffset(ZoneOffset.UTC).toLocalDate(), DatePrecision.DATE_TIME, source, null, false);
    }

    public static PublicationDate ofLocalTime(Instant instant, ZoneOffset assumedOffset, DateSource source) {
        return new PublicationDate(
                instant,
                instant.atOffset(assumedOffset).toLocalDate(),
                DatePrecision.DATE_TIME,
                source,
                assumedOffset,
                false);
    }

    public static PublicationDate ofDate(LocalDate date, DateSource source) {
        return new PublicationDate(null, date, DatePrecision.DATE, source, null, false);
    }

    public static PublicationDate ofInferredMonth(YearMonth month, DateSource source) {
        return new PublicationDate(null, month.atDay(1), DatePrecision.MONTH, source, null, true);
    }

    /** ISO-8601 text at the stated precision: {@code 2021-03-26T16:21:53Z}, {@code 2021-12-29} or {@code 2021-03}. */
    public String iso() {
        return switch (precision) {
            case DATE_TIME -> instant.toString();
            case DATE -> date.toString();
            case MONTH -> YearMonth.from(date).toString();
        };
    }

    /** A moment for ordering: the instant, or the start of the date in UTC. */
    public Instant sortInstant() {
        return instant != null ? instant : date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
