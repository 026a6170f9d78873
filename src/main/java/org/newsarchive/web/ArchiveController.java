package org.newsarchive.web;

import java.util.Map;
import org.newsarchive.search.SearchHit;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchService;
import org.newsarchive.search.SortOrder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The list of archived articles and the reading page of one article. */
@Controller
class ArchiveController {

    private static final int LATEST = 50;

    private final SearchService search;

    ArchiveController(SearchService search) {
        this.search = search;
    }

    @GetMapping("/")
    String listArticles(Model model) {
        var latest = search.search(new SearchRequest("", Map.of(), null, null, SortOrder.NEWEST, 1, LATEST));
        model.addAttribute("total", latest.total());
        model.addAttribute(
                "articles", latest.hits().stream().map(SearchHit::article).toList());
        return "home";
    }

    @GetMapping("/articles/{id}")
    String showArticle(@PathVariable String id, Model model) {
        model.addAttribute("article", search.find(id).orElseThrow(() -> new ArticleNotFoundException(id)));
        return "articles/show";
    }
}
