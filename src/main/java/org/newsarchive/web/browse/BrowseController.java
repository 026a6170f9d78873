package org.newsarchive.web.browse;

import java.util.List;
import java.util.Map;
import org.newsarchive.request.InvalidParameterException;
import org.newsarchive.request.NotFoundException;
import org.newsarchive.request.SearchParameters;
import org.newsarchive.search.FacetCount;
import org.newsarchive.search.SearchService;
import org.newsarchive.search.SortOrder;
import org.newsarchive.web.search.SearchPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Ways into the archive without a query: by publisher, by tag and by month. */
@Controller
class BrowseController {

    /** Tags are many; the index page lists the most used, and every tag is reachable from search facets. */
    private static final int TAGS_LISTED = 500;

    private final SearchService search;
    private final SearchPage searchPage;

    BrowseController(SearchService search, SearchPage searchPage) {
        this.search = search;
        this.searchPage = searchPage;
    }

    @GetMapping("/publishers")
    String publishers(Model model) {
        model.addAttribute("kind", "publisher");
        model.addAttribute("values", search.facetValues("publisher"));
        return "browse";
    }

    @GetMapping("/publishers/{name}")
    String publisher(@PathVariable String name, @RequestParam(defaultValue = "1") int page, Model model) {
        return listing("publisher", name, page, model);
    }

    @GetMapping("/tags")
    String tags(Model model) {
        List<FacetCount> tags = search.facetValues("tag");
        model.addAttribute("kind", "tag");
        model.addAttribute("values", tags.subList(0, Math.min(TAGS_LISTED, tags.size())));
        model.addAttribute("totalValues", tags.size());
        return "browse";
    }

    @GetMapping("/tags/{tag}")
    String tag(@PathVariable String tag, @RequestParam(defaultValue = "1") int page, Model model) {
        return listing("tag", tag, page, model);
    }

    @GetMapping("/timeline")
    String timeline(Model model) {
        model.addAttribute("timeline", Timeline.of(search.facetValues("year_month")));
        return "timeline";
    }

    /** The newest articles with one facet value, as a results page; a value no article has is a 404. */
    private String listing(String dimension, String value, int page, Model model) {
        if (page < 1) {
            throw new InvalidParameterException("page", "must be a whole number from 1");
        }
        SearchParameters parameters =
                new SearchParameters("", Map.of(dimension, List.of(value)), null, null, SortOrder.NEWEST, page);
        if (searchPage.render(parameters, model).total() == 0) {
            throw new NotFoundException("no articles with " + dimension + " " + value);
        }
        model.addAttribute("browsing", dimension);
        model.addAttribute("browsingValue", value);
        return SearchPage.VIEW;
    }
}
