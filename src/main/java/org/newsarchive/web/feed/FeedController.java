package org.newsarchive.web.feed;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.apache.commons.codec.digest.DigestUtils;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.newsarchive.article.Article;
import org.newsarchive.representation.CaptureView;
import org.newsarchive.representation.Links;
import org.newsarchive.representation.OriginalRecord;
import org.newsarchive.representation.SearchFallback;
import org.newsarchive.request.SearchParameters;
import org.newsarchive.request.SearchQuery;
import org.newsarchive.search.SearchResults;
import org.newsarchive.search.SearchService;
import org.newsarchive.search.SortOrder;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Any search as an Atom feed (RFC 4287) of its newest matches, so a reader can follow a topic in a feed reader, or a
 * harvester the archive's intake with {@code sort=ingested}. Takes the search page's parameters; the results page
 * links here.
 *
 * <p>Each entry's {@code updated} is when the archive took the copy in and its {@code published} the publication
 * time, given only when known; the feed's {@code updated} is its newest entry's. An entry names its authors, else
 * its publisher; the feed itself names the archive as author, which covers entries that have neither. Written with
 * ROME's Atom model rather than its format-neutral one, which would add a Dublin Core date beside each
 * {@code updated}. Answers carry a weak ETag and Last-Modified, and a matching conditional request gets a 304.
 */
@RestController
@Tag(name = "Feeds", description = "Follow a search")
class FeedController {

    private static final int ENTRIES = 50;
    private static final int SUMMARY_LENGTH = 280;

    private final SearchService search;
    private final MessageSource messages;
    private final CaptureView captures;

    FeedController(SearchService search, MessageSource messages, CaptureView captures) {
        this.search = search;
        this.messages = messages;
        this.captures = captures;
    }

    @GetMapping(path = "/feed.atom", produces = "application/atom+xml")
    @Operation(
            summary = "Atom feed of a search",
            description = "The 50 newest articles matching the search (sort=ingested: the 50 most recently"
                    + " archived); takes the parameters of /api/search. The Search-Fallback header says whether"
                    + " the any-term fallback was used.")
    @ApiResponse(
            responseCode = "200",
            description = "The feed; the Search-Fallback header says whether the any-term fallback was used",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "application/atom+xml",
                            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(
            responseCode = "304",
            description = "Not modified since the ETag or date sent",
            content = @io.swagger.v3.oas.annotations.media.Content)
    ResponseEntity<String> feed(@ParameterObject SearchQuery query, WebRequest request) throws FeedException {
        SearchParameters searched = query.parameters();
        SearchParameters newest = searched.sort() == null ? searched.withSort(SortOrder.NEWEST) : searched;
        SearchResults results =
                search.search(newest.withPage(1).toRequest(ENTRIES).withAnyTermFallback(query.anyTermFallback()));
        String base =
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        List<Article> articles = results.hits().stream()
                .map(hit -> search.find(hit.article().id()).orElse(hit.article()))
                .toList();
        Instant updated = articles.stream()
                .map(article -> article.provenance().ingestedAt())
                .max(Comparator.naturalOrder())
                .orElse(Instant.EPOCH);

        String siteName = messages.getMessage("site.name", null, LocaleContextHolder.getLocale());
        String self = base + searched.withPage(1).href("/feed.atom");
        Feed feed = new Feed("atom_1.0");
        feed.setId(self);
        feed.setTitle(xmlSafe(searched.query().isEmpty() ? siteName : siteName + ": " + searched.query()));
        feed.setUpdated(Date.from(updated));
        feed.setAuthors(List.of(person(siteName)));
        feed.setAlternateLinks(List.of(link(base + searched.withPage(1).href(), "alternate")));
        feed.setOtherLinks(List.of(link(self, "self")));
        feed.setEntries(articles.stream()
                .map(article -> entry(article, base, captures.original(article.sourceUrl())))
                .toList());
        String xml = new WireFeedOutput().outputString(feed);

        String etag = "W/\"" + DigestUtils.sha256Hex(xml) + '"';
        if (request.checkNotModified(etag, updated.toEpochMilli())) {
            return null;
        }
        return ResponseEntity.ok()
                .eTag(etag)
                .lastModified(updated)
                .cacheControl(CacheControl.noCache())
                .header(SearchFallback.HEADER, SearchFallback.name(results.fallback()))
                .contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(xml);
    }

    private static Link link(String href, String rel) {
        Link link = new Link();
        link.setHref(href);
        link.setRel(rel);
        return link;
    }

    private static SyndPerson person(String name) {
        Person person = new Person();
        person.setName(xmlSafe(name));
        return person;
    }

    private static Entry entry(Article article, String base, OriginalRecord original) {
        Entry entry = new Entry();
        entry.setId(Links.page(base, article.id()));
        entry.setTitle(xmlSafe(article.title()));
        entry.setAlternateLinks(List.of(link(Links.page(base, article.id()), "alternate")));
        if (article.publishedAt() != null) {
            entry.setPublished(Date.from(article.publishedAt().sortInstant()));
        }
        entry.setUpdated(Date.from(article.provenance().ingestedAt()));
        List<String> names =
                article.authors().stream().filter(name -> !name.isBlank()).toList();
        if (names.isEmpty()
                && article.publisher() != null
                && !article.publisher().isBlank()) {
            names = List.of(article.publisher());
        }
        entry.setAuthors(names.stream().map(FeedController::person).toList());
        Content summary = new Content();
        summary.setType(Content.TEXT);
        String text = article.text().replaceAll("\\s+", " ").strip();
        summary.setValue(xmlSafe(text.length() > SUMMARY_LENGTH ? text.substring(0, SUMMARY_LENGTH) + "…" : text));
        entry.setSummary(summary);
        List<Element> archived = archiveDates(article);
        archived.add(originalElement(original));
        entry.setForeignMarkup(archived);
        return entry;
    }

    /** The archive's own namespace for what Atom has no element for: when a mirror held the entry, and its version. */
    static final Namespace ARCHIVE = Namespace.getNamespace("archive", "urn:news-archive:feed");

    /**
     * {@code <archive:mirroredAt>} (when known), {@code <archive:ingestedAt>} and {@code <archive:version>}: Atom's
     * {@code published} is the publication date and {@code updated} the archive's; the mirror's date is the third.
     */
    private static List<Element> archiveDates(Article article) {
        List<Element> elements = new ArrayList<>();
        if (article.provenance().mirroredAt() != null) {
            elements.add(new Element("mirroredAt", ARCHIVE)
                    .setText(article.provenance().mirroredAt().toString()));
        }
        elements.add(new Element("ingestedAt", ARCHIVE)
                .setText(article.provenance().ingestedAt().toString()));
        elements.add(new Element("version", ARCHIVE)
                .setText(Integer.toString(article.version()))
                .setAttribute("of", Integer.toString(article.versionCount())));
        return elements;
    }

    /**
     * {@code <archive:original status="gone" httpStatus="404" checkedAt="…" goneSince="…" finalUrl="…"/>}: what
     * became of the original as its checks found, its attributes those of the API's {@code original}, each present
     * when known.
     */
    private static Element originalElement(OriginalRecord original) {
        Element element = new Element("original", ARCHIVE).setAttribute("status", original.status());
        if (original.httpStatus() != null) {
            element.setAttribute("httpStatus", original.httpStatus().toString());
        }
        if (original.checkedAt() != null) {
            element.setAttribute("checkedAt", original.checkedAt().toString());
        }
        if (original.goneSince() != null) {
            element.setAttribute("goneSince", original.goneSince().toString());
        }
        if (original.finalUrl() != null) {
            element.setAttribute("finalUrl", xmlSafe(original.finalUrl()));
        }
        return element;
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
}
