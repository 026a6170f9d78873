package org.newsarchive.representation;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.newsarchive.search.FacetCount;
import org.newsarchive.search.SearchResults;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public JSON form of a page of search results.
 *
 * @param total matching articles, copies included; exact when {@code totalIsExact}, else a lower bound
 * @param fallback {@code none}, {@code plain_terms} (broken syntax read as plain terms) or {@code any_term} (no
 *     article had every term; articles with any are returned)
 * @param pageCapped true when the page asked for lay beyond the paging depth and the last reachable one was returned
 * @param hits each the record fields asked for ({@link HitFields}) and the {@link Match}; on a numbered page, each story once (its copies counted in {@code copies}), so a page may hold
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

        @ArraySchema(
                arraySchema =
                        @Schema(
                                description = "On a numbered page, each story once (its copies counted in `copies`), so"
                                        + " pages may hold fewer hits than total suggests; in a cursor walk, every matching"
                                        + " article."),
                schema = @Schema(ref = HIT_SCHEMA))
        List<ObjectNode> hits,

        Map<String, List<FacetCount>> facets,

        @Schema(description = "The address of the next page; null after the last one", nullable = true)
        String next,

        @Schema(description = "In a cursor walk, the cursor of the next page; null after the last one", nullable = true)
        String nextCursor) {

    /**
     * The OpenAPI schema of a hit, made from the record's and the {@link Match}'s (a hit is JSON put together per
     * request, so no Java type describes it).
     */
    public static final String HIT_SCHEMA = "#/components/schemas/Hit";

    /**
     * What a search found about one hit, beside the record fields it carries ({@link HitFields}).
     *
     * @param titleHighlighted the title as HTML, escaped, with {@code <mark>} around matches
     * @param snippet the best passages as HTML, escaped, with {@code <mark>} around matches
     * @param score the relevance score; 0 where the order is not by relevance
     * @param copies archived copies of this story, this one included
     * @param matchedVersion the earlier version whose text matched, when the current version does not have it
     */
    public record Match(
            @Schema(nullable = true) String titleHighlighted,
            @Schema(nullable = true) String snippet,
            float score,
            int copies,

            @Schema(
                    nullable = true,
                    description = "The earlier version whose text matched, when the current one does not"
                            + " have it; null when the current version matched")
            Integer matchedVersion) {}

    /** The response for a page of {@code results}, whose hits are given as JSON ({@link HitFields#of}). */
    public static SearchResponse of(SearchResults results, PageLinks links, List<ObjectNode> hits) {
        return new SearchResponse(
                results.query(),
                results.total(),
                results.totalIsExact(),
                results.page(),
                results.size(),
                results.tookMs(),
                SearchFallback.name(results.fallback()),
                results.pageCapped(),
                hits,
                results.facets(),
                links.next(),
                results.nextCursor());
    }
}
