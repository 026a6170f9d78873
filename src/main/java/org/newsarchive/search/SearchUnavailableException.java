package org.newsarchive.search;

import java.util.Objects;

/**
 * The search engine cannot be used, for now or until an operator acts: the embedded index is locked by another
 * process, unreadable or can no longer be written, or a SolrCloud cluster is not configured, does not answer, refuses
 * a request or lacks its collection. Not the reader's fault and not a bug: pages answer 503 and ask to try again, the
 * API a 503 problem with Retry-After, commands print the message and exit with 1.
 *
 * <p>The {@link Reason} says which, so that callers choose their advice by type; the message says what failed and
 * what to do, for logs and operators.
 */
public final class SearchUnavailableException extends RuntimeException {

    /** Why the engine cannot be used. */
    public enum Reason {
        /** Another process holds the embedded index's write lock. */
        LOCKED,
        /** The embedded index cannot be read (corrupt, or written by another Lucene version); rebuild it. */
        UNREADABLE,
        /** The embedded index stopped accepting writes after a failure such as a full disk; commits are intact. */
        WRITES_STOPPED,
        /** The embedded index was built by an earlier version and lacks what the request needs; rebuild it. */
        OUTDATED,
        /** The archive is set to use SolrCloud but names no ZooKeeper host or Solr node. */
        NOT_CONFIGURED,
        /** The cluster did not answer within the retries. */
        UNREACHABLE,
        /** The cluster answers but has no such collection yet. */
        MISSING_COLLECTION,
        /** The cluster refused an administrative request. */
        REFUSED
    }

    private final Reason reason;

    public SearchUnavailableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
