package org.newsarchive.index;

/**
 * The index cannot be used: its directory is locked by another process or unreadable, or (with the SolrCloud backend)
 * the cluster did not answer within the retries. The message says what to do.
 */
public final class IndexUnavailableException extends RuntimeException {

    public IndexUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
