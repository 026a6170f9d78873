package org.newsarchive.config;

import org.newsarchive.search.SearchUnavailableException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a search engine that cannot be used at startup (an index held by another process or unreadable, a
 * SolrCloud that is not configured or does not answer) in Spring Boot's startup-failure report: the message and an
 * action chosen by the failure's reason, instead of a stack trace, for the server and every command alike.
 */
class SearchUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<SearchUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SearchUnavailableException cause) {
        return new FailureAnalysis(cause.getMessage(), action(cause.reason()), null);
    }

    static String action(SearchUnavailableException.Reason reason) {
        return switch (reason) {
            case LOCKED ->
                "Stop the other archive process, or ingest through the running server (POST /api/ingest with the"
                        + " admin token). Only one process may write an archive at a time; search, stats and export"
                        + " read beside it.";
            case UNREADABLE, OUTDATED ->
                "Rebuild the index from the raw store: java -jar news-archive.jar reindex --archive.data-dir=DIR";
            case WRITES_STOPPED -> "Free disk space (or fix the cause named above), then start the archive again.";
            case NOT_CONFIGURED, UNREACHABLE, REFUSED ->
                "Check that ZooKeeper and the Solr nodes named by archive.solr.* are up (java -jar news-archive.jar"
                        + " solr-setup --archive.backend=solr --archive.solr.zk-hosts=HOST:PORT).";
            case MISSING_COLLECTION ->
                "Create the collection: java -jar news-archive.jar solr-setup --archive.backend=solr"
                        + " --archive.solr.zk-hosts=HOST:PORT";
        };
    }
}
