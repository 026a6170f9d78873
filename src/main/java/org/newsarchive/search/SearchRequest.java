package org.newsarchive.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One search: the query text, facet filters, a date range, the order and the page.
 *
 * @param query the user's query in the archive's syntax, at most {@value #MAX_QUERY_LENGTH} characters; blank
 *     matches every article
 * @param filters facet values by dimension (publisher, channel, tag, category, language, year, year_month); values
 *     of one dimension are alternatives, dimensions combine
 * @param from first publication date included, or null
 * @param to last publication date included, or null
 * @param page page number from 1; 1 when walking with a cursor
 * @param size hits per page, 1 to {@value #MAX_SIZE}; 0 for the total and facet counts alone
 * @param cursor null to ask for page {@code page}, with copies of a story shown once; otherwise a walk over every
 *     matching article, copies included, in the request's order with ties broken by id: {@value #FIRST_CURSOR}
 *     for the first page, then the {@link SearchResults#nextCursor} of the page before. A cursor stays valid
 *     across index changes: an article added or removed meanwhile appears or is missed as its rank says, and none
 *     is seen twice. Cursors are opaque and belong to one engine and one sort order
 * @param anyTermFallback whether a query of several terms that no article has all of is answered with the articles
 *     that have any of them ({@link SearchResults.Fallback#ANY_TERM}), as a reader expects; false for scripts that
 *     want no match to mean none
 * @param facets how many values of each dimension to count back, in which order
 * @param mirrored the days the current version was mirrored in (a git commit's time); open for any, and then
 *     articles of unknown mirror time match too
 */
public record SearchRequest(
        String query,
        Map<String, List<String>> filters,
        LocalDate from,
        LocalDate to,
        SortOrder sort,
        int page,
        int size,
        String cursor,
        boolean anyTermFallback,
        FacetOptions facets,
        DateRange mirrored) {

    /** The cursor that starts a walk, as Solr's {@code cursorMark} does. */
    public static final String FIRST_CURSOR = "*";

    public static final int MAX_SIZE = 100;
    /** Longer queries are refused: no reader types them, and their cost grows with their length. */
    public static final int MAX_QUERY_LENGTH = 500;

    public static final int DEFAULT_SIZE = 20;

    public SearchRequest {
        query = query == null ? "" : query;
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new IllegalArgumentException(
                    "query must be at most " + MAX_QUERY_LENGTH + " characters, was " + query.length());
        }
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        sort = Objects.requireNonNullElse(sort, SortOrder.RELEVANCE);
        if (page < 1) {
            throw new IllegalArgumentException("page must be at least 1, was " + page);
        }
        if (size != 0) {
            requireSize(size);
        }
        facets = Objects.requireNonNullElse(facets, FacetOptions.DEFAULT);
        mirrored = Objects.requireNonNullElse(mirrored, DateRange.ANY);
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
        if (cursor != null && page != 1) {
            throw new IllegalArgumentException("a cursor walk has no page number, was page " + page);
        }
        if (cursor != null && size == 0) {
            throw new IllegalArgumentException("a cursor walk needs hits; size 0 asks for counts alone");
        }
    }

    /** Asks for page {@code page}. */
    public SearchRequest(
            String query,
            Map<String, List<String>> filters,
            LocalDate from,
            LocalDate to,
            SortOrder sort,
            int page,
            int size) {
        this(query, filters, from, to, sort, page, size, null, true, FacetOptions.DEFAULT, DateRange.ANY);
    }

    /** Asks for a page or a cursor walk, over articles mirrored at any time. */
    public SearchRequest(
            String query,
            Map<String, List<String>> filters,
            LocalDate from,
            LocalDate to,
            SortOrder sort,
            int page,
            int size,
            String cursor,
            boolean anyTermFallback,
            FacetOptions facets) {
        this(query, filters, from, to, sort, page, size, cursor, anyTermFallback, facets, DateRange.ANY);
    }

    public boolean walksWithCursor() {
        return cursor != null;
    }

    /** The same search, from the page that {@code next} starts; {@code next} as returned by the last page. */
    public SearchRequest withCursor(String next) {
        return new SearchRequest(query, filters, from, to, sort, 1, size, next, anyTermFallback, facets, mirrored);
    }

    /** The same search asking for its first hit only: its total and fallback, cheaply. */
    public SearchRequest firstHit() {
        return new SearchRequest(query, filters, from, to, sort, 1, 1, null, anyTermFallback, facets, mirrored);
    }

    public SearchRequest withAnyTermFallback(boolean fallback) {
        return new SearchRequest(query, filters, from, to, sort, page, size, cursor, fallback, facets, mirrored);
    }

    public SearchRequest withFacets(FacetOptions options) {
        return new SearchRequest(
                query, filters, from, to, sort, page, size, cursor, anyTermFallback, options, mirrored);
    }

    /** Whether only the total and the facet counts are asked for. */
    public boolean countsOnly() {
        return size == 0;
    }

    /**
     * {@code size} when it is a valid number of hits (1 to {@value #MAX_SIZE}), for pages and related articles alike.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static int requireSize(int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
        return size;
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, Map.of(), null, null, SortOrder.RELEVANCE, 1, DEFAULT_SIZE);
    }
}
