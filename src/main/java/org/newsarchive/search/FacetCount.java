package org.newsarchive.search;

import java.util.Comparator;
import org.newsarchive.schema.IndexFields;

/** A facet value and how many articles have it. */
public record FacetCount(String value, long count) {

    /** The order of every facet listing: most frequent first, ties in value order. */
    public static final Comparator<FacetCount> MOST_FREQUENT_FIRST =
            Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value);

    /**
     * {@code dimension}, when it is a facet dimension.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static String requireDimension(String dimension) {
        if (!IndexFields.FACETS.contains(dimension)) {
            throw new IllegalArgumentException("unknown facet: " + dimension + "; facets are " + IndexFields.FACETS);
        }
        return dimension;
    }
}
