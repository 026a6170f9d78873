package org.newsarchive.solr;

import java.io.IOException;
import java.time.Duration;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrException;
import org.newsarchive.search.SearchUnavailableException;

/**
 * How often, and how patiently, a request to SolrCloud is tried again when the cluster cannot answer it: a node
 * down, a shard electing a new leader, a connection refused. The wait doubles after each failure, from
 * {@code initialBackoff} up to {@code maxBackoff}. Requests Solr refuses as bad (4xx) are not tried again.
 *
 * @param attempts tries in all, at least 1
 */
public record Retries(int attempts, Duration initialBackoff, Duration maxBackoff) {

    public Retries {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
    }

    /** One request to SolrCloud. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws SolrServerException, IOException;
    }

    /**
     * The result of {@code call}, tried until it succeeds or the attempts run out.
     *
     * @param what the request in a reader's words, for the error message
     * @throws SearchUnavailableException when every attempt failed
     * @throws SolrException when Solr refused the request as bad
     */
    public <T> T run(String what, Call<T> call) {
        Duration wait = initialBackoff;
        Exception last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                return call.run();
            } catch (SolrException e) {
                if (!isTransient(e)) {
                    throw e;
                }
                last = e;
            } catch (SolrServerException | IOException e) {
                last = e;
            }
            if (attempt < attempts) {
                sleep(wait);
                wait = wait.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : wait.multipliedBy(2);
            }
        }
        throw new SearchUnavailableException(
                SearchUnavailableException.Reason.UNREACHABLE,
                "SolrCloud did not " + what + " after " + attempts + " attempts: " + last.getMessage()
                        + "; check that the Solr nodes and ZooKeeper are up (nothing unacknowledged was lost: run the"
                        + " same command again once they are)",
                last);
    }

    /** Server errors and unavailability pass; a bad request (4xx) does not. */
    private static boolean isTransient(SolrException e) {
        return e.code() < 400 || e.code() >= 500;
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SearchUnavailableException(
                    SearchUnavailableException.Reason.UNREACHABLE, "interrupted while waiting for SolrCloud", e);
        }
    }
}
