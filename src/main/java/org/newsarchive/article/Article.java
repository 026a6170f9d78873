package org.newsarchive.article;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * One normalized news article: the unit that is stored, indexed, searched and shown.
 *
 * <p>Immutable. Lists are never null (empty when absent); optional single values are null when the source does not
 * say. {@code text} and {@code html} are two renderings of the same cleaned body: {@code text} has paragraphs
 * separated by blank lines, {@code html} holds only sanitized article markup.
 *
 * @param id stable identifier derived from the canonical source URL, else from the normalized text
 * @param publishedAt when the article was published, with its precision and origin; null when unknown
 * @param publisher the outlet, such as 大纪元 or GNews
 * @param channel a byline or feed name under the publisher, such as a 喜马拉雅农场 site
 * @param language zh-Hans, zh-Hant or other, detected from the text
 * @param videos videos the page embedded, in page order, kept as links
 * @param charCount non-whitespace characters in {@code text}; 0 for a post kept with its title alone
 * @param version this version's number among the article's versions, from 1, oldest first (see
 *     {@code version.ArticleHistory}); a number can grow when an older copy is found later
 * @param versionCount how many versions the article has; this record is the current one when the two are equal
 */
public record Article(
        String id,
        String title,
        String subtitle,
        PublicationDate publishedAt,
        String publisher,
        String channel,
        List<String> authors,
        List<String> editors,
        String sourceUrl,
        List<String> tags,
        List<String> categories,
        List<String> keywords,
        ArticleImage leadImage,
        List<ArticleImage> images,
        List<ArticleVideo> videos,
        Language language,
        String text,
        String html,
        int charCount,
        int readingMinutes,
        Provenance provenance,
        int version,
        int versionCount) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(provenance, "provenance");
        authors = List.copyOf(authors);
        editors = List.copyOf(editors);
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
        keywords = List.copyOf(keywords);
        images = List.copyOf(images);
        // Records stored before videos were kept have none.
        videos = videos == null ? List.of() : List.copyOf(videos);
        // Records stored before versions were kept are the one version of their article.
        version = Math.max(1, version);
        versionCount = Math.max(version, versionCount);
    }

    /** A newly read article: the first and only version it has. */
    public Article(
            String id,
            String title,
            String subtitle,
            PublicationDate publishedAt,
            String publisher,
            String channel,
            List<String> authors,
            List<String> editors,
            String sourceUrl,
            List<String> tags,
            List<String> categories,
            List<String> keywords,
            ArticleImage leadImage,
            List<ArticleImage> images,
            List<ArticleVideo> videos,
            Language language,
            String text,
            String html,
            int charCount,
            int readingMinutes,
            Provenance provenance) {
        this(
                id,
                title,
                subtitle,
                publishedAt,
                publisher,
                channel,
                authors,
                editors,
                sourceUrl,
                tags,
                categories,
                keywords,
                leadImage,
                images,
                videos,
                language,
                text,
                html,
                charCount,
                readingMinutes,
                provenance,
                1,
                1);
    }

    /** Whether this is the article's current version, its newest. */
    public boolean isCurrent() {
        return version == versionCount;
    }

    /**
     * What makes two versions the same: everything read from the file but its provenance and what is derived from
     * the text. Two files giving equal keys are one version, whatever their bytes, markup or paths.
     */
    public String contentKey() {
        StringBuilder key = new StringBuilder();
        for (Object part : List.of(
                title,
                Objects.toString(subtitle, ""),
                Objects.toString(publishedAt, ""),
                Objects.toString(publisher, ""),
                Objects.toString(channel, ""),
                authors,
                editors,
                Objects.toString(sourceUrl, ""),
                tags,
                categories,
                keywords,
                images,
                videos,
                text)) {
            key.append(part).append('\u0000');
        }
        return DigestUtils.sha256Hex(key.toString());
    }

    /**
     * Whether any text was kept: false for a post of which the mirror kept only a title, its metadata and perhaps a
     * video, evidence that the article existed. Read from the character count, which lists keep.
     */
    public boolean hasText() {
        return charCount > 0;
    }

    /**
     * The subjects the archive shows, lists and counts for this article: its tags, then its keywords, each once,
     * without the publisher's own name, which mirror scripts add as a tag and which says nothing of the subject.
     */
    public List<String> subjectTags() {
        Set<String> seen = new HashSet<>();
        List<String> subjects = new ArrayList<>();
        String ownName = publisher == null ? "" : publisher.strip().toLowerCase(Locale.ROOT);
        for (List<String> list : List.of(tags, keywords)) {
            for (String tag : list) {
                String key = tag.strip().toLowerCase(Locale.ROOT);
                if (!key.isEmpty() && !key.equals(ownName) && seen.add(key)) {
                    subjects.add(tag.strip());
                }
            }
        }
        return subjects;
    }

    /**
     * This article without its body (empty {@code text} and {@code html}): what lists of articles carry, since they
     * show titles and metadata, and a body can be tens of kilobytes.
     */
    public Article withoutBody() {
        return withBody("", "");
    }

    /** This article with another plain text; used by stores that keep the text apart from the rest. */
    public Article withText(String newText) {
        return withBody(newText, html);
    }

    /** This article as version {@code number} of {@code count}. */
    public Article numbered(int number, int count) {
        return new Article(
                id,
                title,
                subtitle,
                publishedAt,
                publisher,
                channel,
                authors,
                editors,
                sourceUrl,
                tags,
                categories,
                keywords,
                leadImage,
                images,
                videos,
                language,
                text,
                html,
                charCount,
                readingMinutes,
                provenance,
                number,
                count);
    }

    /** This article with another provenance, such as the mirror's commit. */
    public Article withProvenance(Provenance newProvenance) {
        return new Article(
                id,
                title,
                subtitle,
                publishedAt,
                publisher,
                channel,
                authors,
                editors,
                sourceUrl,
                tags,
                categories,
                keywords,
                leadImage,
                images,
                videos,
                language,
                text,
                html,
                charCount,
                readingMinutes,
                newProvenance,
                version,
                versionCount);
    }

    private Article withBody(String newText, String newHtml) {
        return new Article(
                id,
                title,
                subtitle,
                publishedAt,
                publisher,
                channel,
                authors,
                editors,
                sourceUrl,
                tags,
                categories,
                keywords,
                leadImage,
                images,
                videos,
                language,
                newText,
                newHtml,
                charCount,
                readingMinutes,
                provenance,
                version,
                versionCount);
    }
}
