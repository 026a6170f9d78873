package org.newsarchive.web.article;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.nodes.Entities;
import org.newsarchive.article.Article;
import org.newsarchive.citation.Citation;
import org.newsarchive.citation.CitationFormat;
import org.newsarchive.original.OriginalFiles;
import org.newsarchive.representation.CaptureView;
import org.newsarchive.request.ArticleIdParameter;
import org.newsarchive.request.NotFoundException;
import org.newsarchive.request.SearchParameters;
import org.newsarchive.request.VersionPair;
import org.newsarchive.search.SearchService;
import org.newsarchive.search.TermMarker;
import org.newsarchive.version.ArticleHistory;
import org.newsarchive.version.VersionDiff;
import org.newsarchive.web.PageFormat;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The reading page of one article, with how to cite it, and the download of the file it was ingested from. */
@Controller
class ArticlePageController {

    private static final int RELATED = 6;

    private final SearchService search;
    private final OriginalFiles originals;
    private final ArticleBody body;
    private final MessageSource messages;
    private final Clock clock;
    private final TermMarker marker;

    private final CaptureView captures;
    private final PageFormat format;

    ArticlePageController(
            SearchService search,
            OriginalFiles originals,
            ArticleBody body,
            MessageSource messages,
            Clock clock,
            TermMarker marker,
            CaptureView captures,
            PageFormat format) {
        this.captures = captures;
        this.format = format;
        this.marker = marker;
        this.search = search;
        this.originals = originals;
        this.body = body;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * @param query the search the reader came from, if any: its terms are marked in the text
     * @param version the number of an earlier version to read instead of the current one
     */
    @GetMapping("/articles/{id}")
    String show(
            @PathVariable String id,
            @RequestParam(name = "q", required = false) String query,
            @RequestParam(name = "version", required = false) String version,
            Model model) {
        ArticleHistory history = history(id);
        Article article = version == null
                ? history.current()
                : history.version(VersionPair.number("version", version, history))
                        .orElseThrow();
        model.addAttribute("history", history);
        model.addAttribute("versions", VersionRow.of(history));
        String searched = query == null || query.length() > 500 ? "" : query.strip();
        List<Article> otherCopies =
                search.copies(id).stream().filter(copy -> !copy.id().equals(id)).toList();
        model.addAttribute("article", article);
        model.addAttribute("body", body.render(article, searched));
        model.addAttribute(
                "markedTitle", searched.isEmpty() ? null : marker.mark(Entities.escape(article.title()), searched));
        model.addAttribute("copies", otherCopies);
        model.addAttribute(
                "originalNote",
                OriginalNote.of(
                        captures.original(article.sourceUrl()), messages, format, LocaleContextHolder.getLocale()));
        model.addAttribute("related", search.related(id, RELATED));
        model.addAttribute("query", searched);
        model.addAttribute(
                "backHref",
                searched.isEmpty()
                        ? null
                        : SearchParameters.none().withQuery(searched).href());
        var permalinkBuilder =
                ServletUriComponentsBuilder.fromCurrentContextPath().path("/articles/{id}");
        if (!article.isCurrent()) {
            // An earlier version is named by its file's hash: its number can grow when an older copy turns up.
            permalinkBuilder.queryParam("version", article.provenance().sha256());
        }
        String permalink = permalinkBuilder.buildAndExpand(id).toUriString();
        model.addAttribute("permalink", permalink);
        Citation citation = Citation.of(
                article,
                messages.getMessage("site.name", null, LocaleContextHolder.getLocale()),
                permalink,
                LocalDate.now(clock));
        model.addAttribute("bibtex", CitationFormat.BIBTEX.write(citation));
        model.addAttribute("citationFormats", CitationFormat.values());
        model.addAttribute("pageMeta", ArticleMetadata.of(article, citation));
        model.addAttribute("pageDescription", ArticleMetadata.description(article));
        return "article";
    }

    /** Two versions of an article side by side: the fields that changed and the text paragraph by paragraph. */
    @GetMapping("/articles/{id}/diff")
    String diff(
            @PathVariable String id,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            Model model) {
        ArticleHistory history = history(id);
        VersionPair pair = VersionPair.parse(history, from, to);
        model.addAttribute("history", history);
        model.addAttribute("article", history.current());
        model.addAttribute("diff", VersionDiff.between(pair.from(), pair.to()));
        model.addAttribute("pageDescription", ArticleMetadata.description(history.current()));
        return "diff";
    }

    /** The exact bytes ingested for the article, as a download. */
    @GetMapping("/articles/{id}/original")
    ResponseEntity<byte[]> original(@PathVariable String id) {
        return originals
                .of(ArticleIdParameter.require(id))
                .orElseThrow(() -> new NotFoundException("no original for " + id))
                .download();
    }

    private ArticleHistory history(String id) {
        return search.history(ArticleIdParameter.require(id))
                .orElseThrow(() -> new NotFoundException("no article " + id));
    }
}
