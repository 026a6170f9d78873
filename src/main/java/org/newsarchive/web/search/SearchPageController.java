package org.newsarchive.web.search;

import org.newsarchive.request.SearchParameters;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The results page. Its URL holds the whole search, so every search can be bookmarked and shared. */
@Controller
class SearchPageController {

    private final SearchPage page;

    SearchPageController(SearchPage page) {
        this.page = page;
    }

    @GetMapping("/search")
    String search(@RequestParam MultiValueMap<String, String> parameters, Model model) {
        page.render(SearchParameters.parse(parameters), model);
        return SearchPage.VIEW;
    }
}
