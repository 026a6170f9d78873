package org.newsarchive.web;

import java.util.Map;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchService;
import org.newsarchive.search.SortOrder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The list of archived articles with a search box, and the reading page of one article. */
@Controller
class ArchiveController {

    private static final int PAGE_SIZE = 50;

    private final SearchService search;

    ArchiveController(SearchService search) {
        this.search = search;
    }

    /** The newest articles, or, with {@code q}, the best matches with highlighted titles and snippets. */
    @GetMapping("/")
    String listArticles(@RequestParam(name = "q", required = false) String query, Model model) {
        String text = query == null ? "" : query.strip();
        if (text.length() > SearchRequest.MAX_QUERY_LENGTH) {
            text = text.substring(0, SearchRequest.MAX_QUERY_LENGTH);
        }
        SortOrder order = text.isEmpty() ? SortOrder.NEWEST : SortOrder.RELEVANCE;
        model.addAttribute("query", text);
        model.addAttribute(
                "results", search.search(new SearchRequest(text, Map.of(), null, null, order, 1, PAGE_SIZE)));
        return "home";
    }

    @GetMapping("/articles/{id}")
    String showArticle(@PathVariable String id, Model model) {
        model.addAttribute("article", search.find(id).orElseThrow(() -> new ArticleNotFoundException(id)));
        return "articles/show";
    }
}
