package org.newsarchive.ingest.normalize;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.newsarchive.article.DateSource;
import org.newsarchive.article.Language;
import org.newsarchive.article.PublicationDate;

/**
 * Settles the metadata that several places may state: the publisher (stated, else the source URL's outlet, since a
 * repost quotes the original's dateline, else the dateline's outlet), the people named in front matter, and the
 * publication date by precedence (front matter, then an embedded timestamp, byline or dateline, then the URL path,
 * then the image upload month as an inferred month). A date is never invented. Immutable and thread-safe.
 */
final class MetadataResolver {

    private static final String[] DATE_KEYS = {"date", "published", "pubdate", "publish_date", "published_at", "created"
    };

    private final Publishers publishers;

    MetadataResolver(Publishers publishers) {
        this.publishers = publishers;
    }

    String publisher(ArticleDraft draft) {
        List<String> candidates = new ArrayList<>();
        String stated = draft.frontMatter.text("publisher", "site_name", "site", "outlet");
        candidates.add(stated);
        String source = draft.frontMatter.text("source");
        if (UrlCleaner.absoluteHttp(source) == null) {
            candidates.add(source);
        }
        candidates.add(publishers.byUrl(draft.sourceUrl).orElse(null));
        candidates.addAll(draft.publisherHints);
        for (String author : draft.frontMatter.list("author", "authors")) {
            if (isOutletName(draft, author)) {
                candidates.add(author);
            }
        }
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return publishers.byName(candidate).orElse(candidate.strip());
            }
        }
        return null;
    }

    /** Front matter authors that are people: feed generators often put the outlet's name there instead. */
    Set<String> frontMatterAuthors(ArticleDraft draft) {
        Set<String> people = new LinkedHashSet<>();
        for (String author : draft.frontMatter.list("author", "authors")) {
            if (!isOutletName(draft, author)) {
                people.add(author);
            }
        }
        return people;
    }

    private boolean isOutletName(ArticleDraft draft, String name) {
        return publishers.byName(name).isPresent()
                || draft.frontMatter.list("tags", "tag").contains(name)
                || draft.frontMatter.list("categories", "category").contains(name);
    }

    PublicationDate publishedAt(ArticleDraft draft, String publisher, Language language, List<String> imageUrls) {
        boolean chinese =
                language != Language.OTHER || publishers.byName(publisher).isPresent();
        ZoneOffset localOffset = chinese ? DateParsing.CHINA : ZoneOffset.UTC;
        List<PublicationDate> candidates = new ArrayList<>(draft.dateCandidates);
        String unread = null;
        for (String key : DATE_KEYS) {
            String value = draft.frontMatter.text(key);
            PublicationDate date = DateParsing.frontMatter(value, localOffset);
            if (date != null) {
                candidates.add(date);
                unread = null;
                break;
            }
            if (unread == null && value != null && !value.isBlank()) {
                unread = key + ": " + value.strip();
            }
        }
        if (unread != null) {
            draft.warn("front matter date not read (not a date form the archive knows, or outside 1990 to now): "
                    + unread);
        }
        for (String comment : draft.comments) {
            PublicationDate date = DateParsing.epochComment(comment);
            if (date != null) {
                candidates.add(date);
                break;
            }
        }
        PublicationDate fromUrl = DateParsing.urlPath(draft.sourceUrl);
        if (fromUrl != null) {
            candidates.add(fromUrl);
        }
        imageUrls.stream()
                .map(DateParsing::uploadMonth)
                .filter(month -> month != null)
                .max(Comparator.naturalOrder())
                .ifPresent(month -> candidates.add(inferredMonth(month)));
        return candidates.stream()
                .min(Comparator.comparing(PublicationDate::source))
                .orElse(null);
    }

    private static PublicationDate inferredMonth(YearMonth month) {
        return PublicationDate.ofInferredMonth(month, DateSource.IMAGE_UPLOAD_PATH);
    }
}
