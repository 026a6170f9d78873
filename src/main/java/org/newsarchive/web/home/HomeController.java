package org.newsarchive.web.home;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.Comparator;
import java.util.List;
import org.newsarchive.request.SearchParameters;
import org.newsarchive.search.FacetCount;
import org.newsarchive.search.SearchService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The front page (search box, what the archive holds, the newest articles, ways in), the about page, whose
 * examples name the archive at the address the reader reached it by, and the API documentation page.
 */
@Controller
class HomeController {

    private static final int LATEST = 15;
    private static final int TOP_PUBLISHERS = 12;
    private static final int TOP_TAGS = 30;

    private final SearchService search;

    HomeController(SearchService search) {
        this.search = search;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("overview", search.overview());
        model.addAttribute(
                "latest",
                search.search(SearchParameters.none().toRequest(LATEST)).hits());
        model.addAttribute("publishers", top(search.facetValues("publisher"), TOP_PUBLISHERS));
        model.addAttribute("tags", top(search.facetValues("tag"), TOP_TAGS));
        model.addAttribute(
                "years",
                search.facetValues("year").stream()
                        .sorted(Comparator.comparing(FacetCount::value).reversed())
                        .toList());
        return "home";
    }

    @GetMapping("/about")
    String about(Model model) {
        model.addAttribute("overview", search.overview());
        model.addAttribute(
                "archiveAddress",
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
        return "about";
    }

    /**
     * The API's documentation in the site's frame: its header, languages and footer around Swagger UI, which draws
     * the served OpenAPI description ({@code /assets/js/api-docs.js}).
     */
    @Hidden
    @GetMapping("/api/docs")
    String apiDocs() {
        return "api-docs";
    }

    private static List<FacetCount> top(List<FacetCount> values, int limit) {
        return values.subList(0, Math.min(limit, values.size()));
    }
}
