package org.newsarchive.representation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.newsarchive.search.FacetCount;
import org.newsarchive.search.SearchHit;
import org.newsarchive.search.SearchResults;

/**
 * The public JSON form of a page of search results.
 *
 * @param total matching articles, copies included; exact when {@code totalIsExact}, else a lower bound
 * @param fallback {@code none}, {@code plain_terms} (broken syntax read as plain terms) or {@code any_term} (no
 *     article had every term; articles with any are returned)
 * @param pageCapped true when the page asked for lay beyond the paging depth and the last reachable one was returned
 * @param hits on a numbered page, each story once (its copies counted in {@code copies}), so a page may hold
 *     fewer stories than {@code total} suggests; in a cursor walk, every matching article
 * @param facets values with counts per dimension: publisher, channel, tag, category, language, year, year_month
 * @param next the address of the next page, or null after the last one
 * @param nextCursor in a cursor walk, the {@code cursor} of the next page, or null after the last one
 */
public record SearchResponse(
        String query,

        @Schema(
                description = "Matching articles, copies of one story counted each; a lower bound when"
                        + " totalIsExact is false. A cursor walk gives exactly this many hits.")
        long total,

        boolean totalIsExact,
        int page,
        int size,
        long tookMs,

        @Schema(allowableValues = {"none", "plain_terms", "any_term"})
        String fallback,

        boolean pageCapped,

        @Schema(
                description = "On a numbered page, each story once (its copies counted in `copies`), so pages may"
                        + " hold fewer hits than total suggests; in a cursor walk, every matching article.")
        List<Hit> hits,

        Map<String, List<FacetCount>> facets,

        @Schema(description = "The address of the next page; null after the last one", nullable = true)
        String next,

        @Schema(description = "In a cursor walk, the cursor of the next page; null after the last one", nullable = true)
        String nextCursor) {

    /**
     * One hit.
     *
     * @param titleHighlighted the title as HTML, escaped, with {@code <mark>} around matches
     * @param snippet the best passages as HTML, escaped, with {@code <mark>} around matches
     * @param copies archived copies of this story, this one included
     */
    public record Hit(
            String id,
            String title,
            @Schema(nullable = true) String titleHighlighted,
            @Schema(nullable = true) String snippet,
            @Schema(nullable = true) String publisher,
            @Schema(nullable = true) String channel,
            List<String> authors,
            @Schema(nullable = true) String publishedAt,
            @Schema(nullable = true) String sourceUrl,
            String url,
            float score,
            int copies) {}

    public static SearchResponse of(SearchResults results, String baseUrl, PageLinks links) {
        return new SearchResponse(
                results.query(),
                results.total(),
                results.totalIsExact(),
                results.page(),
                results.size(),
                results.tookMs(),
                SearchFallback.name(results.fallback()),
                results.pageCapped(),
                results.hits().stream().map(hit -> hit(hit, baseUrl)).toList(),
                results.facets(),
                links.next(),
                results.nextCursor());
    }

    private static Hit hit(SearchHit hit, String baseUrl) {
        var article = hit.article();
        return new Hit(
                article.id(),
                article.title(),
                hit.titleHighlighted(),
                hit.snippet(),
                article.publisher(),
                article.channel(),
                article.authors(),
                article.publishedAt() == null ? null : article.publishedAt().iso(),
                article.sourceUrl(),
                Links.page(baseUrl, article.id()),
                hit.score(),
                hit.copies());
    }
}
