package org.newsarchive.web.search;

import java.util.ArrayList;
import java.util.List;
import org.newsarchive.request.SearchParameters;
import org.newsarchive.search.DateRange;
import org.newsarchive.search.FacetCount;
import org.newsarchive.search.SearchResults;
import org.newsarchive.search.SearchService;
import org.newsarchive.search.SortOrder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the model of the results page: the hits, the facet sidebar, active filters, sort links, pagination and,
 * when nothing was found, ways to widen the search. The search page and the browse pages share it.
 */
@Component
public class SearchPage {

    /** The page size of every result list. */
    public static final int SIZE = 20;

    /** Facet dimensions in the sidebar, in order. */
    static final List<String> SIDEBAR = List.of("publisher", "channel", "tag", "year", "language", "original");

    private static final int TITLE_SUGGESTIONS = 5;

    /** An active filter and the link that removes it. */
    public record ActiveFilter(String dimension, String value, String removeHref) {}

    /** A way to widen a search that found nothing: a message key with its argument, and the link. */
    public record Widening(String messageKey, String argument, String href) {}

    private final SearchService search;

    SearchPage(SearchService search) {
        this.search = search;
    }

    /**
     * The sidebar's dimensions for these results: all of them, but the originals' states only once a check has been
     * made (in an archive whose originals were never checked, every article would be "unchecked").
     */
    static List<String> sidebar(SearchResults results, SearchParameters parameters) {
        List<FacetCount> originals = results.facets().getOrDefault("original", List.of());
        boolean neverChecked =
                originals.stream().allMatch(count -> count.value().equals("unchecked"))
                        && !parameters.filters().containsKey("original");
        return neverChecked
                ? SIDEBAR.stream()
                        .filter(dimension -> !dimension.equals("original"))
                        .toList()
                : SIDEBAR;
    }

    /** The template of results pages. */
    public static final String VIEW = "search";

    /**
     * Runs the search and puts everything the {@link #VIEW} template needs in the model.
     *
     * @return the results, for callers that decide on them
     */
    public SearchResults render(SearchParameters parameters, Model model) {
        SearchResults results = search.search(parameters.toRequest(SIZE));
        model.addAttribute("params", parameters);
        model.addAttribute("query", parameters.query());
        model.addAttribute("results", results);
        model.addAttribute("pagination", Pagination.of(results));
        model.addAttribute("sidebar", sidebar(results, parameters));
        model.addAttribute("sortOrders", SortOrder.values());
        model.addAttribute("activeFilters", activeFilters(parameters));
        model.addAttribute("feedHref", parameters.withPage(1).href("/feed.atom"));
        if (results.hits().isEmpty()) {
            model.addAttribute("widenings", widenings(parameters));
        }
        return results;
    }

    private static List<ActiveFilter> activeFilters(SearchParameters parameters) {
        List<ActiveFilter> active = new ArrayList<>();
        parameters
                .filters()
                .forEach((dimension, values) -> values.forEach(value -> active.add(new ActiveFilter(
                        dimension,
                        value,
                        parameters.withoutFilter(dimension, value).href()))));
        if (parameters.from() != null || parameters.to() != null) {
            String range = (parameters.from() == null ? "…" : parameters.from().toString()) + " – "
                    + (parameters.to() == null ? "…" : parameters.to().toString());
            active.add(
                    new ActiveFilter("dates", range, parameters.withoutDates().href()));
        }
        DateRange mirrored = parameters.mirrored();
        if (!mirrored.isOpen()) {
            String range = (mirrored.from() == null ? "…" : mirrored.from().toString()) + " – "
                    + (mirrored.to() == null ? "…" : mirrored.to().toString());
            active.add(new ActiveFilter(
                    "mirrored", range, parameters.withoutMirroredDates().href()));
        }
        return active;
    }

    private List<Widening> widenings(SearchParameters parameters) {
        List<Widening> widenings = new ArrayList<>();
        if (parameters.hasFilters() && !parameters.query().isEmpty()) {
            widenings.add(new Widening(
                    "search.widen.filters", "", parameters.withoutFilters().href()));
        }
        String query = parameters.query();
        if (query.contains("\"")) {
            String unquoted = query.replace("\"", " ").strip();
            widenings.add(new Widening(
                    "search.widen.unquoted",
                    unquoted,
                    parameters.withQuery(unquoted).href()));
        }
        for (String title : search.suggest(query, TITLE_SUGGESTIONS)) {
            widenings.add(new Widening(
                    "search.widen.title",
                    title,
                    SearchParameters.none().withQuery('"' + title + '"').href()));
        }
        return widenings;
    }
}
