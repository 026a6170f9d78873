package org.newsarchive.api;

import java.time.Instant;

/**
 * What the archive holds.
 *
 * @param articles archived articles, copies included
 * @param earliest the oldest publication date (ISO-8601 at its precision), or null
 * @param latest the newest publication date, or null
 * @param indexSizeBytes the search index on disk
 * @param lastIngest when a file was last ingested, or null for an empty archive
 */
record ArchiveStats(
        long articles, int publishers, String earliest, String latest, long indexSizeBytes, Instant lastIngest) {}
