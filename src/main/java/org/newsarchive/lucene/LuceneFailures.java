package org.newsarchive.lucene;

import java.nio.file.Path;
import org.newsarchive.search.SearchUnavailableException;
import org.newsarchive.search.SearchUnavailableException.Reason;

/** The embedded index's failures as an operator reads them: what happened to which index, and what to do. */
final class LuceneFailures {

    private LuceneFailures() {}

    static SearchUnavailableException locked(Path directory, Throwable cause) {
        return new SearchUnavailableException(
                Reason.LOCKED,
                "the index at " + directory.toAbsolutePath()
                        + " is locked by another process; stop the other archive process, or ingest through the"
                        + " running server (POST /api/ingest)",
                cause);
    }

    static SearchUnavailableException unreadable(Path directory, Throwable cause) {
        return new SearchUnavailableException(
                Reason.UNREADABLE,
                "the index at " + directory.toAbsolutePath() + " is unreadable (" + cause.getMessage()
                        + "); rebuild it from the raw store with: java -jar target/news-archive.jar reindex",
                cause);
    }

    /**
     * The writer closed itself after a failure it cannot recover from, such as a full disk: what was committed
     * before stays on disk, intact; nothing more can be written until the archive is reopened.
     */
    static SearchUnavailableException writesStopped(Path directory, Throwable cause) {
        return new SearchUnavailableException(
                Reason.WRITES_STOPPED,
                "cannot write the index at " + directory.toAbsolutePath() + " any more: " + cause.getMessage()
                        + "; everything committed before is intact. Fix the cause (free disk space), then run the"
                        + " same ingest again",
                cause);
    }

    /** The index was built before the version that added {@code what}; nothing is lost, a reindex adds it. */
    static SearchUnavailableException outdated(Path directory, String what) {
        return new SearchUnavailableException(
                Reason.OUTDATED,
                "the index at " + directory.toAbsolutePath() + " was built by an earlier version, without " + what
                        + "; rebuild it from the raw store with: java -jar target/news-archive.jar reindex",
                null);
    }
}
