package org.newsarchive.web.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Date;
import java.util.List;
import org.newsarchive.article.Article;
import org.newsarchive.representation.Links;
import org.newsarchive.representation.SearchFallback;
import org.newsarchive.request.SearchParameters;
import org.newsarchive.request.SearchQuery;
import org.newsarchive.search.SearchResults;
import org.newsarchive.search.SearchService;
import org.newsarchive.search.SortOrder;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Any search as an Atom feed of its newest matches, so a reader can follow a topic in a feed reader. Takes the
 * search page's parameters; the results page links here.
 */
@RestController
@Tag(name = "Feeds", description = "Follow a search")
class FeedController {

    private static final int ENTRIES = 50;
    private static final int SUMMARY_LENGTH = 280;

    private final SearchService search;
    private final MessageSource messages;

    FeedController(SearchService search, MessageSource messages) {
        this.search = search;
        this.messages = messages;
    }

    @GetMapping(path = "/feed.atom", produces = "application/atom+xml")
    @Operation(
            summary = "Atom feed of a search",
            description = "The 50 newest articles matching the search; takes the parameters of /api/search.")
    ResponseEntity<String> feed(@ParameterObject SearchQuery query) throws FeedException {
        SearchParameters searched = query.parameters();
        SearchParameters newest = searched.sort() == null ? searched.withSort(SortOrder.NEWEST) : searched;
        SearchResults results =
                search.search(newest.withPage(1).toRequest(ENTRIES).withAnyTermFallback(query.anyTermFallback()));
        String base =
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();

        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        String siteName = messages.getMessage("site.name", null, LocaleContextHolder.getLocale());
        feed.setTitle(xmlSafe(searched.query().isEmpty() ? siteName : siteName + ": " + searched.query()));
        feed.setUri(base + searched.withPage(1).href("/feed.atom"));
        feed.setLink(base + searched.withPage(1).href());
        feed.setLinks(List.of(
                link(base + searched.withPage(1).href("/feed.atom"), "self"),
                link(base + searched.withPage(1).href(), "alternate")));
        feed.setPublishedDate(
                results.hits().isEmpty()
                        ? new Date(0)
                        : published(results.hits().get(0).article()));
        feed.setEntries(results.hits().stream()
                .map(hit -> search.find(hit.article().id()).orElse(hit.article()))
                .map(article -> entry(article, base))
                .toList());
        String xml = new SyndFeedOutput().outputString(feed);
        return ResponseEntity.ok()
                .header(SearchFallback.HEADER, SearchFallback.name(results.fallback()))
                .contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(xml);
    }

    private static SyndLink link(String href, String rel) {
        SyndLink link = new SyndLinkImpl();
        link.setHref(href);
        link.setRel(rel);
        return link;
    }

    private static SyndEntry entry(Article article, String base) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle(xmlSafe(article.title()));
        entry.setLink(Links.page(base, article.id()));
        entry.setUri(Links.page(base, article.id()));
        entry.setPublishedDate(published(article));
        entry.setUpdatedDate(Date.from(article.provenance().ingestedAt()));
        if (!article.authors().isEmpty()) {
            entry.setAuthor(xmlSafe(String.join("、", article.authors())));
        } else if (article.publisher() != null) {
            entry.setAuthor(xmlSafe(article.publisher()));
        }
        SyndContent summary = new SyndContentImpl();
        summary.setType("text");
        String text = article.text().replaceAll("\\s+", " ").strip();
        summary.setValue(xmlSafe(text.length() > SUMMARY_LENGTH ? text.substring(0, SUMMARY_LENGTH) + "…" : text));
        entry.setDescription(summary);
        return entry;
    }

    /**
     * The text without the characters XML 1.0 cannot carry (control characters, lone surrogates): a query or an
     * article may hold them, and the feed must still be well-formed.
     */
    static String xmlSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> c == 0x9
                        || c == 0xA
                        || c == 0xD
                        || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD)
                        || c >= 0x10000)
                .forEach(safe::appendCodePoint);
        return safe.toString();
    }

    private static Date published(Article article) {
        return Date.from(
                article.publishedAt() == null
                        ? article.provenance().ingestedAt()
                        : article.publishedAt().sortInstant());
    }
}
