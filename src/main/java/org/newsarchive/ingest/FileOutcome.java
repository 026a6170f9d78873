package org.newsarchive.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.newsarchive.ingest.normalize.IngestProblem;

/**
 * What happened to one file of an ingest batch.
 *
 * @param path the file's path as found under the given root
 * @param id the article id, or null when the file failed
 * @param problems warnings for kept files; for failed files, ending with the reason
 */
public record FileOutcome(String path, Status status, String id, List<IngestProblem> problems) {

    public enum Status {
        /** A new article. */
        INGESTED,
        /** A new version of an article the archive holds: same id, other content. */
        VERSIONED,
        /** These bytes, or this content, are archived already. */
        UNCHANGED,
        /** A mirror removed the file: recorded in its article's history, which keeps every version. */
        REMOVED,
        FAILED;

        /** The lower-case name used in reports. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public FileOutcome {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(status, "status");
        problems = List.copyOf(problems);
    }
}
