package org.newsarchive.web;

import org.newsarchive.article.ArticleCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The list of archived articles and the reading page of one article. */
@Controller
class ArchiveController {

    private final ArticleCatalog catalog;

    ArchiveController(ArticleCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/")
    String listArticles(Model model) {
        model.addAttribute("articles", catalog.listNewestFirst());
        return "home";
    }

    @GetMapping("/articles/{id}")
    String showArticle(@PathVariable String id, Model model) {
        model.addAttribute("article", catalog.find(id).orElseThrow(() -> new ArticleNotFoundException(id)));
        return "articles/show";
    }
}
