package org.newsarchive.representation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.newsarchive.article.PublicationDate;
import org.newsarchive.search.ArchiveOverview;
import org.newsarchive.search.SearchService;
import org.newsarchive.store.RawStore;

/**
 * What the archive holds.
 *
 * @param articles archived articles, copies included
 * @param articlesWithoutText of those, the ones kept without text: a title and metadata alone, or a video
 * @param earliest the oldest publication date (ISO-8601 at its precision), or null
 * @param latest the newest publication date, or null
 * @param indexSizeBytes the search index on disk
 * @param lastIngest when a file was last ingested, or null for an empty archive
 */
public record ArchiveStats(
        long articles,
        long articlesWithoutText,
        int publishers,
        @Schema(nullable = true) String earliest,
        @Schema(nullable = true) String latest,
        long indexSizeBytes,
        @Schema(nullable = true) Instant lastIngest) {

    /** The archive's statistics now; {@code GET /api/stats} and the {@code stats} command both answer with them. */
    public static ArchiveStats of(SearchService search, RawStore rawStore) {
        ArchiveOverview overview = search.overview();
        return new ArchiveStats(
                overview.articles(),
                search.countWithoutText(),
                overview.publishers(),
                iso(overview.earliest()),
                iso(overview.latest()),
                search.indexSizeBytes(),
                rawStore.lastRecordedAt().orElse(null));
    }

    private static String iso(PublicationDate date) {
        return date == null ? null : date.iso();
    }
}
