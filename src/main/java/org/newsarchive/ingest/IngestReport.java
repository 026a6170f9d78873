package org.newsarchive.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of one ingest batch, file by file, in the order the files were found.
 *
 * @param bytes total size of the files read
 */
public record IngestReport(List<FileOutcome> files, long bytes, Duration elapsed) {

    public IngestReport {
        files = List.copyOf(files);
    }

    public long count(FileOutcome.Status status) {
        return files.stream().filter(file -> file.status() == status).count();
    }

    public boolean allSucceeded() {
        return count(FileOutcome.Status.FAILED) == 0;
    }

    /** One line for humans: counts, volume and rate; new versions and removals are named when there are some. */
    public String summary() {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        double megabytes = bytes / (1024.0 * 1024.0);
        long versioned = count(FileOutcome.Status.VERSIONED);
        long removed = count(FileOutcome.Status.REMOVED);
        return String.format(
                Locale.ROOT,
                "%s: %d ingested, %s%d unchanged, %s%d failed; %.1f MB in %.1f s (%.1f MB/s, %.0f files/s)",
                counted(files.size(), "file", "files"),
                count(FileOutcome.Status.INGESTED),
                versioned > 0 ? counted(versioned, "new version", "new versions") + ", " : "",
                count(FileOutcome.Status.UNCHANGED),
                removed > 0 ? removed + " removed by the mirror, " : "",
                count(FileOutcome.Status.FAILED),
                megabytes,
                seconds,
                megabytes / seconds,
                files.size() / seconds);
    }

    private static String counted(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
