package org.newsarchive.search;

import java.util.Locale;

/** How results are ordered. */
public enum SortOrder {
    RELEVANCE,
    /** Latest publication first, undated articles last. */
    NEWEST,
    /** Earliest publication first, undated articles last. */
    OLDEST,
    /** Latest ingested first: what the archive took in most recently, however old, as harvesters follow it. */
    INGESTED,
    /** Latest mirrored first (when a mirror held the current version), articles of unknown mirror time last. */
    MIRRORED;

    /** Parses {@code relevance}, {@code newest}, {@code oldest}, {@code ingested} or {@code mirrored}, in any case. */
    public static SortOrder parse(String value) {
        if (value == null || value.isBlank()) {
            return RELEVANCE;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(
                    "sort must be relevance, newest, oldest, ingested or mirrored, was: " + value);
        }
    }
}
