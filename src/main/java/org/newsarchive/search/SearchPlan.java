package org.newsarchive.search;

import org.newsarchive.query.ParsedQuery;
import org.newsarchive.query.QuerySyntax;

/**
 * How any engine carries out one search request, decided in one place so that the engines answer alike: the query
 * as parsed, the page actually served (pages stop at {@link SearchService#MAX_DEPTH} hits), how many top hits to
 * collect so that copies of a story can be collapsed and the page still filled, the publication-time bounds, and
 * when to fall back to articles with any term.
 *
 * @param page the page served: the requested one, or the last reachable one
 * @param pageCapped whether the requested page was beyond the reachable ones
 * @param depth top hits to collect: enough to collapse copies and still fill the page, or for a cursor walk the
 *     page and one more, which tells whether another page follows
 * @param published the days the article was published in
 * @param anyTermFallback whether the request allows falling back to articles with any term
 * @param mirrored the days the current version was mirrored in
 */
public record SearchPlan(
        ParsedQuery parsed,
        int page,
        boolean pageCapped,
        int depth,
        DateRange published,
        boolean anyTermFallback,
        DateRange mirrored) {

    public static SearchPlan of(SearchRequest request) {
        int size = request.size();
        int page = Math.min(request.page(), SearchService.lastPage(size));
        // Lucene collects at least one hit; a request for counts alone shows none of it.
        int depth = request.walksWithCursor()
                ? size + 1
                : Math.max(1, Math.min(SearchService.MAX_DEPTH, page * size * 2 + size));
        return new SearchPlan(
                QuerySyntax.parse(request.query()),
                page,
                page != request.page(),
                depth,
                new DateRange(request.from(), request.to()),
                request.anyTermFallback(),
                request.mirrored());
    }

    /** Whether only articles published on certain days are asked for. */
    public boolean hasDateRange() {
        return !published.isOpen();
    }

    /** Whether only articles mirrored on certain days are asked for. */
    public boolean hasMirroredRange() {
        return !mirrored.isOpen();
    }

    /** The fallback of the first run: plain terms when the syntax was broken, else none. */
    public SearchResults.Fallback initialFallback() {
        return parsed.syntaxError() ? SearchResults.Fallback.PLAIN_TERMS : SearchResults.Fallback.NONE;
    }

    /** Whether a run that found {@code total} articles is run again matching any term instead of every term. */
    public boolean retryWithAnyTerm(long total) {
        return anyTermFallback && total == 0 && parsed.termCount() > 1;
    }
}
