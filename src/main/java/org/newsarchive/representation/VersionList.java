package org.newsarchive.representation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.newsarchive.article.Article;
import org.newsarchive.version.ArticleHistory;
import org.newsarchive.version.Removal;
import org.newsarchive.version.VersionSummary;

/**
 * The public JSON list of an article's versions, oldest first, and of the times a mirror removed its file.
 *
 * @param current the number of the current version, the newest
 */
public record VersionList(String id, int current, List<Version> versions, List<RemovalEvent> removals) {

    /**
     * One version.
     *
     * @param change what it changed from the version before, in a line
     * @param restores the version whose content it restores, or null
     */
    public record Version(
            int version,

            @Schema(nullable = true, description = "When a mirror first held this version; null when unknown")
            Instant mirroredAt,

            Instant ingestedAt,
            String sha256,
            String path,
            @Schema(nullable = true) String repository,
            @Schema(nullable = true) String commit,
            String title,
            int charCount,
            String change,

            @Schema(
                    nullable = true,
                    description = "The earlier version whose content this one restores: its file returned to"
                            + " that content after holding another; null for a version with new content")
            Integer restores,

            String url,
            String pageUrl,
            String originalUrl) {}

    /** A mirror's commit removed the article's file; every version stays readable. */
    public record RemovalEvent(
            String path,
            @Schema(nullable = true) String repository,
            @Schema(nullable = true) String commit,
            Instant removedAt) {}

    public static VersionList of(ArticleHistory history, String baseUrl) {
        List<Version> versions = new ArrayList<>();
        for (Article version : history.versions()) {
            int number = version.version();
            VersionSummary summary = VersionSummary.of(history, number);
            versions.add(new Version(
                    number,
                    version.provenance().mirroredAt(),
                    version.provenance().ingestedAt(),
                    version.provenance().sha256(),
                    version.provenance().path(),
                    version.provenance().repository(),
                    version.provenance().commit(),
                    version.title(),
                    version.charCount(),
                    summary.line(),
                    summary.restores(),
                    Links.version(baseUrl, version.id(), number),
                    Links.versionPage(baseUrl, version.id(), number),
                    Links.versionOriginal(baseUrl, version.id(), number)));
        }
        List<RemovalEvent> removals =
                history.removals().stream().map(VersionList::event).toList();
        return new VersionList(history.id(), history.current().version(), versions, removals);
    }

    private static RemovalEvent event(Removal removal) {
        return new RemovalEvent(removal.path(), removal.repository(), removal.commit(), removal.removedAt());
    }
}
