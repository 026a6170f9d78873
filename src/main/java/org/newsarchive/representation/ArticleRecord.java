package org.newsarchive.representation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.newsarchive.article.Article;
import org.newsarchive.article.ArticleVideo;

/**
 * The public JSON form of an article, as the API, the export and the CLI give it. Field names are stable: scripts
 * depend on them.
 *
 * @param publishedAt ISO-8601 at the precision known: {@code 2021-03-26T16:21:53Z}, {@code 2021-12-29} or
 *     {@code 2021-03}; null when unknown
 * @param publishedPrecision {@code dateTime}, {@code date} or {@code month}; null when the date is unknown
 * @param language {@code zh-Hans}, {@code zh-Hant} or {@code other}
 * @param url the article's reading page
 * @param leadImage the first image, absent (not null) when there is none: OpenAPI 3.0 cannot say that a
 *     referenced type may be null
 * @param originalUrl the exact bytes the article was ingested from
 * @param mirroredAt when a mirror first held this version (a git commit's time); null when the mirror does not say
 * @param ingestedAt when the archive read this version
 * @param version this version's number, from 1, oldest first
 * @param versionCount how many versions the article has; the record is the current one when it equals
 *     {@code version}
 * @param versionsUrl the list of the article's versions
 * @param copies every archived copy of the story, this one included; null where not looked up (exports)
 * @param source where this copy came from
 */
public record ArticleRecord(
        String id,
        String title,
        @Schema(nullable = true) String subtitle,
        @Schema(nullable = true) String publisher,
        @Schema(nullable = true) String channel,
        List<String> authors,
        List<String> editors,

        @Schema(nullable = true, description = "ISO-8601 at the precision known")
        String publishedAt,

        @Schema(
                nullable = true,
                allowableValues = {"dateTime", "date", "month"})
        String publishedPrecision,

        @Schema(
                nullable = true,
                description = "When a mirror first held this version (a git commit's time); null when unknown")
        Instant mirroredAt,

        @Schema(description = "When the archive read this version")
        Instant ingestedAt,

        @Schema(description = "This version's number, from 1, oldest first")
        int version,

        @Schema(description = "How many versions the article has; this is the current one when equal to version")
        int versionCount,

        String versionsUrl,
        @Schema(nullable = true) String sourceUrl,

        @Schema(description = "What became of sourceUrl, as the archive's checks found")
        OriginalRecord original,

        List<String> tags,
        List<String> categories,
        List<String> keywords,

        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Absent when the article has no lead image")
        ImageRecord leadImage,

        List<ImageRecord> images,
        List<ArticleVideo> videos,

        @Schema(allowableValues = {"zh-Hans", "zh-Hant", "other"})
        String language,

        String text,
        String html,

        @Schema(description = "False for a post kept with its title and metadata alone, as evidence it existed")
        boolean hasText,

        int charCount,
        int readingMinutes,
        String url,
        String originalUrl,
        List<Copy> copies,
        Source source) {

    /** One copy of the story: where it was mirrored from. */
    public record Copy(
            String id,
            String path,
            String sha256,
            @Schema(nullable = true) String sourceUrl) {}

    /**
     * The file this copy was read from.
     *
     * @param format the layout family, such as {@code FRONT_MATTER_HTML}
     */
    public record Source(
            String path,
            String format,
            String sha256,
            @Schema(nullable = true) String encoding,
            Instant ingestedAt,
            @Schema(nullable = true) Instant mirroredAt,

            @Schema(nullable = true, description = "The git mirror, its origin's URL or its path")
            String repository,

            @Schema(nullable = true, description = "The commit of the mirror that holds this version")
            String commit) {}

    /**
     * @param baseUrl prefix of the links, such as {@code https://archive.example} (empty for relative links)
     * @param copies the story's copies, or null to leave them out
     * @param archive the images the archive holds copies of
     */
    public static ArticleRecord of(Article article, String baseUrl, List<Article> copies, CaptureView archive) {
        return new ArticleRecord(
                article.id(),
                article.title(),
                article.subtitle(),
                article.publisher(),
                article.channel(),
                article.authors(),
                article.editors(),
                article.publishedAt() == null ? null : article.publishedAt().iso(),
                article.publishedAt() == null ? null : precision(article),
                article.provenance().mirroredAt(),
                article.provenance().ingestedAt(),
                article.version(),
                article.versionCount(),
                Links.versions(baseUrl, article.id()),
                article.sourceUrl(),
                archive.original(article.sourceUrl()),
                article.tags(),
                article.categories(),
                article.keywords(),
                article.leadImage() == null ? null : ImageRecord.of(article.leadImage(), archive, baseUrl),
                article.images().stream()
                        .map(image -> ImageRecord.of(image, archive, baseUrl))
                        .toList(),
                article.videos(),
                article.language().tag(),
                article.text(),
                article.html(),
                article.hasText(),
                article.charCount(),
                article.readingMinutes(),
                Links.page(baseUrl, article.id()),
                Links.original(baseUrl, article.id()),
                copies == null
                        ? null
                        : copies.stream()
                                .map(copy -> new Copy(
                                        copy.id(),
                                        copy.provenance().path(),
                                        copy.provenance().sha256(),
                                        copy.sourceUrl()))
                                .toList(),
                new Source(
                        article.provenance().path(),
                        article.provenance().format().name(),
                        article.provenance().sha256(),
                        article.provenance().encoding(),
                        article.provenance().ingestedAt(),
                        article.provenance().mirroredAt(),
                        article.provenance().repository(),
                        article.provenance().commit()));
    }

    private static String precision(Article article) {
        return switch (article.publishedAt().precision()) {
            case DATE_TIME -> "dateTime";
            case DATE -> "date";
            case MONTH -> "month";
        };
    }

    /** Lower-case name of a value for JSON, such as {@code any_term}. */
    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
