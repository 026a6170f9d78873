package org.newsarchive.request;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.newsarchive.search.FacetOptions;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchService;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The query parameters shared by search, listing, export and feeds, bound as text and validated in one place
 * ({@link SearchParameters#parse}) so that every endpoint names a bad parameter the same way.
 */
public record SearchQuery(
        @Schema(
                description = "Query in the archive's syntax: terms (all required), \"exact phrase\", -exclusion, OR, "
                        + "and title: author: publisher: tag: site: fields. Simplified and traditional characters "
                        + "match each other. At most 500 characters.")
        String q,

        @Schema(description = "Only articles of this publisher; repeat for several")
        List<String> publisher,

        @Schema(description = "Only articles of this channel; repeat for several")
        List<String> channel,

        @Schema(description = "Only articles with this tag; repeat for several")
        List<String> tag,

        @Schema(description = "Only articles in this category; repeat for several")
        List<String> category,

        @Schema(
                description =
                        "Only articles in this language: zh-Hans, zh-Hant or other (any case); repeat for" + " several")
        List<String> language,

        @Schema(description = "Only articles of this year, such as 2021; repeat for several")
        List<String> year,

        @BindParam("year_month")
        @Parameter(
                name = "year_month",
                description = "Only articles of this month, such as 2021-03; repeat for several")
        List<String> yearMonth,

        @Schema(
                description = "Only articles whose original URL was last found online, moved, gone, blocked,"
                        + " unreachable or unchecked (by `capture links`); repeat for several")
        List<String> original,

        @Schema(description = "First publication date included, YYYY-MM-DD", example = "2021-01-01")
        String from,

        @Schema(description = "Last publication date included, YYYY-MM-DD", example = "2021-12-31")
        String to,

        @Schema(
                description = "First day included of when a mirror held the current version (a git commit's"
                        + " time), YYYY-MM-DD; articles of unknown mirror time are then left out",
                example = "2021-01-01")
        String mirroredFrom,

        @Schema(description = "Last day included of when a mirror held the current version, YYYY-MM-DD")
        String mirroredTo,

        @Schema(
                description = "relevance, newest or oldest (by publication date, undated last), ingested (newly"
                        + " archived first) or mirrored (latest mirrored first, unknown last); default relevance"
                        + " with a query, newest without",
                allowableValues = {"relevance", "newest", "oldest", "ingested", "mirrored"})
        String sort,

        @Schema(
                description = "Page number from 1; page times size may not pass 10,000 hits (a 400 names the"
                        + " last page): a cursor or /api/export gives every hit",
                type = "integer",
                minimum = "1",
                defaultValue = "1")
        String page,

        @Schema(
                description = "Hits per page, 1 to 100; 0 for the total and facet counts alone",
                type = "integer",
                minimum = "0",
                maximum = "100",
                defaultValue = "20")
        String size,

        @Schema(
                description = "Walk every matching article once, copies included, instead of numbered pages: `*`"
                        + " for the first page, then the `nextCursor` of the page before, until it is null. Not"
                        + " with `page`. Ties in the order are broken by article id, so no article comes twice.")
        String cursor,

        @Schema(
                description = "What a query of several terms that no article has all of gives: `any`, the articles"
                        + " with any of them (the response's `fallback` says `any_term`), or `none`, no article."
                        + " Search, listing, export and feeds apply it alike.",
                allowableValues = {"any", "none"},
                defaultValue = "any")
        String fallback,

        @Schema(
                description = "Values counted per facet dimension, 1 to 1000",
                type = "integer",
                minimum = "1",
                maximum = "1000",
                defaultValue = "20")
        String facetSize,

        @Schema(
                description = "Order of each dimension's values: count (most frequent first) or value (ascending,"
                        + " so months come in time order)",
                allowableValues = {"count", "value"},
                defaultValue = "count")
        String facetSort) {

    /** Cursors the archive hands out are far shorter; a longer one is refused before any engine reads it. */
    private static final int MAX_CURSOR_LENGTH = 512;

    /**
     * The validated search.
     *
     * @throws InvalidParameterException naming the first unusable parameter
     */
    public SearchParameters parameters() {
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        put(values, "q", q);
        put(values, "publisher", publisher);
        put(values, "channel", channel);
        put(values, "tag", tag);
        put(values, "category", category);
        put(values, "language", language);
        put(values, "year", year);
        put(values, "year_month", yearMonth);
        put(values, "original", original);
        put(values, "from", from);
        put(values, "to", to);
        put(values, "mirroredFrom", mirroredFrom);
        put(values, "mirroredTo", mirroredTo);
        put(values, "sort", sort);
        put(values, "page", page);
        return SearchParameters.parse(values);
    }

    /** The validated page size, {@value SearchRequest#DEFAULT_SIZE} when absent; 0 asks for counts alone. */
    public int pageSize() {
        return wholeNumber("size", size, 0, SearchRequest.MAX_SIZE, SearchRequest.DEFAULT_SIZE);
    }

    /** The validated facet options: {@code facetSize} values per dimension in {@code facetSort} order. */
    public FacetOptions facetOptions() {
        return new FacetOptions(
                wholeNumber("facetSize", facetSize, 1, FacetOptions.MAX_SIZE, SearchService.FACET_VALUES),
                facetOrder());
    }

    /** The validated {@code facetSort}, count when absent. */
    public FacetOptions.Order facetOrder() {
        if (facetSort == null || facetSort.isBlank()) {
            return FacetOptions.Order.COUNT;
        }
        return switch (facetSort.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "count" -> FacetOptions.Order.COUNT;
            case "value" -> FacetOptions.Order.VALUE;
            default -> throw new InvalidParameterException("facetSort", "must be count or value, was: " + facetSort);
        };
    }

    private static int wholeNumber(String name, String text, int min, int max, int absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidParameterException(
                name, "must be a whole number from " + min + " to " + max + ", was: " + text);
    }

    /**
     * The validated search, for the API.
     *
     * @throws InvalidParameterException naming the first unusable parameter, and naming {@code page} when the page
     *     lies beyond the {@value SearchService#MAX_DEPTH} hits that paging reaches: a script that pages until it
     *     gets an empty page must be stopped, not served the last reachable page again
     */
    public SearchRequest request() {
        SearchParameters parameters = parameters();
        int size = pageSize();
        if (walksWithCursor()) {
            if (size == 0) {
                throw new InvalidParameterException("size", "must be at least 1 in a cursor walk");
            }
            if (page != null && !page.isBlank()) {
                throw new InvalidParameterException(
                        "page", "cannot be combined with cursor: a cursor walk has no page numbers");
            }
            if (cursor.length() > MAX_CURSOR_LENGTH) {
                throw new InvalidParameterException("cursor", "is not a cursor this archive gave: too long");
            }
            return parameters
                    .toRequest(size)
                    .withCursor(cursor.strip())
                    .withAnyTermFallback(anyTermFallback())
                    .withFacets(facetOptions());
        }
        int lastPage = SearchService.lastPage(size);
        if (parameters.page() > lastPage) {
            throw new InvalidParameterException(
                    "page",
                    "must be at most " + lastPage + " with size " + size + ": paging reaches the first "
                            + SearchService.MAX_DEPTH + " hits only; narrow the search with filters or dates, or "
                            + "fetch every hit from /api/export, was: " + parameters.page());
        }
        return parameters.toRequest(size).withAnyTermFallback(anyTermFallback()).withFacets(facetOptions());
    }

    /** The search to export or follow in a feed: every match, so no page, size or cursor. */
    public SearchRequest matches() {
        return parameters().toRequest(1).withAnyTermFallback(anyTermFallback());
    }

    /** Whether {@code fallback} allows the any-term fallback; {@code any} when absent. */
    public boolean anyTermFallback() {
        if (fallback == null || fallback.isBlank()) {
            return true;
        }
        return switch (fallback.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "any" -> true;
            case "none" -> false;
            default -> throw new InvalidParameterException("fallback", "must be any or none, was: " + fallback);
        };
    }

    /** Whether a cursor walk is asked for rather than a numbered page. */
    public boolean walksWithCursor() {
        return cursor != null && !cursor.isBlank();
    }

    private static void put(MultiValueMap<String, String> values, String name, String value) {
        if (value != null) {
            values.add(name, value);
        }
    }

    private static void put(MultiValueMap<String, String> values, String name, List<String> list) {
        if (list != null) {
            values.addAll(name, list);
        }
    }
}
