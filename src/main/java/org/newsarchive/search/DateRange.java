package org.newsarchive.search;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A range of days, UTC, either end open (null): such as the days a version was mirrored in.
 *
 * @param from the first day included, or null
 * @param to the last day included, or null
 */
public record DateRange(LocalDate from, LocalDate to) {

    /** Every day. */
    public static final DateRange ANY = new DateRange(null, null);

    public DateRange {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("the range's start must not be after its end");
        }
    }

    public boolean isOpen() {
        return from == null && to == null;
    }

    /** The first instant included, epoch milliseconds; {@link Long#MIN_VALUE} for no bound. */
    public long fromMillis() {
        return from == null
                ? Long.MIN_VALUE
                : from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** The last instant included, epoch milliseconds; {@link Long#MAX_VALUE} for no bound. */
    public long toMillis() {
        return to == null
                ? Long.MAX_VALUE
                : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
    }
}
