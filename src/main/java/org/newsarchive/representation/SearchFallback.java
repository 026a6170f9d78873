package org.newsarchive.representation;

import org.newsarchive.search.SearchResults;

/**
 * How a search was relaxed, as every response says it: {@code none}, {@code plain_terms} or {@code any_term}; in
 * the {@code fallback} field of JSON results and in the {@value #HEADER} header of exports and feeds, whose bodies
 * have no place for it.
 */
public final class SearchFallback {

    public static final String HEADER = "Search-Fallback";

    private SearchFallback() {}

    public static String name(SearchResults.Fallback fallback) {
        return ArticleRecord.lower(fallback);
    }
}
