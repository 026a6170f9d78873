package org.newsarchive.search;

/**
 * The search engine cannot answer for now, such as a SolrCloud cluster with no live replica of a shard. Not the
 * reader's fault and not a bug: pages answer 503 and ask to try again, the API a 503 problem with Retry-After. The
 * message says what failed, for logs and operators.
 */
public final class SearchUnavailableException extends RuntimeException {

    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
