package org.newsarchive.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of one ingest batch, file by file, in the order the files were found.
 *
 * @param bytes total size of the files read
 */
public record IngestReport(List<FileOutcome> files, long bytes, Duration elapsed) {

    public IngestReport {
        files = List.copyOf(files);
    }

    /**
     * The outcomes relabelled in batch order: of each article's files, as many as the batch added versions to it are
     * reported as new versions (the first as ingested when the article is new), the rest as unchanged. Threads merge
     * copies of one article in whatever order they finish, and the history they make does not depend on it
     * ({@link ArticleHistory#with}), though what each copy did on arrival does: a copy that arrives before the one
     * it reverts, say, makes its version only when that one comes. The report follows the history.
     *
     * @param versionsAdded per article, the versions the batch added to it
     */
    static List<FileOutcome> inBatchOrder(List<FileOutcome> outcomes, Map<String, Integer> versionsAdded) {
        Map<String, List<Integer>> positions = new HashMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            FileOutcome outcome = outcomes.get(i);
            if (outcome.id() != null && versionsAdded.getOrDefault(outcome.id(), 0) > 0 && isAnAddition(outcome)) {
                positions.computeIfAbsent(outcome.id(), id -> new ArrayList<>()).add(i);
            }
        }
        List<FileOutcome> ordered = new ArrayList<>(outcomes);
        positions.forEach((id, of) -> {
            boolean isNew = of.stream().anyMatch(i -> outcomes.get(i).status() == FileOutcome.Status.INGESTED);
            int added = versionsAdded.get(id);
            for (int k = 0; k < of.size(); k++) {
                FileOutcome outcome = outcomes.get(of.get(k));
                FileOutcome.Status status = k >= added
                        ? FileOutcome.Status.UNCHANGED
                        : k == 0 && isNew ? FileOutcome.Status.INGESTED : FileOutcome.Status.VERSIONED;
                ordered.set(of.get(k), new FileOutcome(outcome.path(), status, id, outcome.problems()));
            }
        });
        return ordered;
    }

    private static boolean isAnAddition(FileOutcome outcome) {
        return outcome.status() == FileOutcome.Status.INGESTED
                || outcome.status() == FileOutcome.Status.VERSIONED
                || outcome.status() == FileOutcome.Status.UNCHANGED;
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
