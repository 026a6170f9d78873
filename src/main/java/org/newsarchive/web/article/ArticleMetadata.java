package org.newsarchive.web.article;

import java.util.ArrayList;
import java.util.List;
import org.newsarchive.article.Article;
import org.newsarchive.citation.Citation;
import org.newsarchive.web.MetaTag;

/**
 * The head metadata of a reading page, so that reference managers (Zotero reads Highwire's {@code citation_*}
 * tags, others Dublin Core) and link previews (Open Graph) describe the article, not the archive.
 */
final class ArticleMetadata {

    /** How much of the text a description or a link preview shows. */
    static final int DESCRIPTION_LENGTH = 150;

    private ArticleMetadata() {}

    /** A short description: the subtitle, else the beginning of the text, else the title. */
    static String description(Article article) {
        String text = article.subtitle() != null && !article.subtitle().isBlank()
                ? article.subtitle()
                : article.hasText() ? article.text() : article.title();
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= DESCRIPTION_LENGTH
                ? flat
                : flat.substring(
                                0,
                                Character.isHighSurrogate(flat.charAt(DESCRIPTION_LENGTH - 1))
                                        ? DESCRIPTION_LENGTH - 1
                                        : DESCRIPTION_LENGTH)
                        + "…";
    }

    static List<MetaTag> of(Article article, Citation citation) {
        List<MetaTag> tags = new ArrayList<>();
        tags.add(MetaTag.named("citation_title", article.title()));
        article.authors().forEach(author -> tags.add(MetaTag.named("citation_author", author)));
        if (citation.slashedDate() != null) {
            tags.add(MetaTag.named("citation_publication_date", citation.slashedDate()));
            tags.add(MetaTag.named("citation_date", citation.slashedDate()));
        }
        if (article.publisher() != null) {
            tags.add(MetaTag.named("citation_publisher", article.publisher()));
            tags.add(MetaTag.named("citation_journal_title", article.publisher()));
        }
        tags.add(MetaTag.named("citation_public_url", citation.archiveUrl()));
        if (article.sourceUrl() != null) {
            tags.add(MetaTag.named("citation_fulltext_html_url", article.sourceUrl()));
        }
        tags.add(MetaTag.named("citation_language", citation.language()));
        tags.add(MetaTag.named("DC.title", article.title()));
        article.authors().forEach(author -> tags.add(MetaTag.named("DC.creator", author)));
        if (article.publishedAt() != null) {
            tags.add(MetaTag.named("DC.date", article.publishedAt().iso()));
        }
        if (article.publisher() != null) {
            tags.add(MetaTag.named("DC.publisher", article.publisher()));
        }
        if (article.sourceUrl() != null) {
            tags.add(MetaTag.named("DC.source", article.sourceUrl()));
        }
        tags.add(MetaTag.named("DC.identifier", citation.archiveUrl()));
        tags.add(MetaTag.named("DC.language", citation.language()));
        tags.add(MetaTag.named("DC.type", "Text"));
        tags.add(MetaTag.property("og:type", "article"));
        tags.add(MetaTag.property("og:title", article.title()));
        tags.add(MetaTag.property("og:description", description(article)));
        tags.add(MetaTag.property("og:url", citation.archiveUrl()));
        tags.add(MetaTag.property("og:site_name", citation.archiveName()));
        if (article.publishedAt() != null) {
            tags.add(MetaTag.property(
                    "article:published_time", article.publishedAt().iso()));
        }
        return tags;
    }
}
