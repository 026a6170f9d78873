package org.newsarchive.search;

import java.util.List;
import java.util.Map;

/**
 * One page of results.
 *
 * @param total matching articles, exact at least up to {@link SearchService#EXACT_TOTAL_LIMIT} (the embedded index
 *     counts every match)
 * @param totalIsExact false when {@code total} is a lower bound ("10,000+")
 * @param fallback how the query was relaxed, if it was
 * @param pageCapped true when the requested page lay beyond the paging depth limit and the last reachable page was
 *     returned instead
 * @param facets counts per facet dimension, each counted with the filters of the other dimensions only
 * @param nextCursor for a cursor walk, the cursor of the next page, or null after the last page; null for a page
 *     asked for by number
 */
public record SearchResults(
        String query,
        long total,
        boolean totalIsExact,
        int page,
        int size,
        long tookMs,
        Fallback fallback,
        boolean pageCapped,
        List<SearchHit> hits,
        Map<String, List<FacetCount>> facets,
        String nextCursor) {

    /** How the engine relaxed a query to answer it. */
    public enum Fallback {
        NONE,
        /** The query's syntax was broken; it was searched as plain terms. */
        PLAIN_TERMS,
        /** No article matched every term; articles matching any term are shown. */
        ANY_TERM
    }

    public SearchResults {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }

    /** These results with other hits, such as the same hits saying which version matched. */
    public SearchResults withHits(List<SearchHit> newHits) {
        return new SearchResults(
                query, total, totalIsExact, page, size, tookMs, fallback, pageCapped, newHits, facets, nextCursor);
    }
}
