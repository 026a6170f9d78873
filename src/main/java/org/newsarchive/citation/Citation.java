package org.newsarchive.citation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.newsarchive.article.Article;
import org.newsarchive.article.DatePrecision;

/**
 * What a reference to an archived article names: the work as its publisher published it, and the archived copy the
 * reader consulted, with the day it was consulted. Immutable.
 *
 * @param key a citation key, stable for the article: {@code newsarchive-ID}
 * @param authors the bylines, in order; empty when the article names none
 * @param publisher the outlet, or null
 * @param published the parts of the publication date known: year, then month and day when known; empty when unknown
 * @param sourceUrl where the publisher published it, or null when the mirror did not say
 * @param archiveName the archive's name
 * @param archiveUrl the archived copy's reading page
 * @param archivedOn the day the archive took the copy in
 * @param accessedOn the day of the citation
 * @param language a BCP 47 tag: {@code zh-Hans}, {@code zh-Hant} or {@code und}
 */
public record Citation(
        String key,
        String title,
        List<String> authors,
        String publisher,
        List<Integer> published,
        String sourceUrl,
        String archiveName,
        String archiveUrl,
        LocalDate archivedOn,
        LocalDate accessedOn,
        String language) {

    public Citation {
        authors = List.copyOf(authors);
        published = List.copyOf(published);
    }

    /** The citation of {@code article}, read on {@code accessedOn} at {@code archiveUrl}. */
    public static Citation of(Article article, String archiveName, String archiveUrl, LocalDate accessedOn) {
        List<Integer> published = new ArrayList<>(3);
        if (article.publishedAt() != null) {
            LocalDate date = article.publishedAt().date();
            published.add(date.getYear());
            published.add(date.getMonthValue());
            if (article.publishedAt().precision() != DatePrecision.MONTH) {
                published.add(date.getDayOfMonth());
            }
        }
        String tag = article.language().tag();
        return new Citation(
                "newsarchive-" + article.id(),
                article.title(),
                article.authors(),
                article.publisher(),
                published,
                article.sourceUrl(),
                archiveName,
                archiveUrl,
                article.provenance()
                        .ingestedAt()
                        .atZone(java.time.ZoneOffset.UTC)
                        .toLocalDate(),
                accessedOn,
                tag.equals("other") ? "und" : tag);
    }

    /** The address a reference points to: the publisher's when known, else the archived copy's. */
    public String url() {
        return sourceUrl != null ? sourceUrl : archiveUrl;
    }

    /** The publication date as {@code YYYY/MM/DD} with the parts known, as Highwire and RIS write it; null if unknown. */
    public String slashedDate() {
        if (published.isEmpty()) {
            return null;
        }
        StringBuilder date = new StringBuilder(String.valueOf(published.get(0)));
        for (int i = 1; i < published.size(); i++) {
            date.append('/').append(String.format("%02d", published.get(i)));
        }
        return date.toString();
    }
}
