package org.newsarchive.search;

import java.util.Locale;

/** How results are ordered. */
public enum SortOrder {
    RELEVANCE,
    NEWEST,
    OLDEST;

    /** Parses {@code relevance}, {@code newest} or {@code oldest}, case-insensitively. */
    public static SortOrder parse(String value) {
        if (value == null || value.isBlank()) {
            return RELEVANCE;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("sort must be relevance, newest or oldest, was: " + value);
        }
    }
}
