package org.newsarchive.config;

import org.newsarchive.index.IndexUnavailableException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an index that cannot be opened (held by another process, or unreadable) in Spring Boot's startup-failure
 * report, as a message and an action instead of a stack trace, for the server and every command alike.
 */
class IndexUnavailableAnalyzer extends AbstractFailureAnalyzer<IndexUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, IndexUnavailableException cause) {
        String action;
        if (cause.getMessage().contains("SolrCloud")) {
            action = "Check that ZooKeeper and the Solr nodes named by archive.solr.* are up and that the collection"
                    + " exists (java -jar news-archive.jar solr-setup --archive.backend=solr"
                    + " --archive.solr.zk-hosts=HOST:PORT).";
        } else if (cause.getMessage().contains("locked")) {
            action = "Stop the other archive process, or ingest through the running server (POST /api/ingest with the"
                    + " admin token). Only one process may write an archive at a time.";
        } else {
            action = "Rebuild the index from the raw store: java -jar news-archive.jar reindex --archive.data-dir=DIR";
        }
        return new FailureAnalysis(cause.getMessage(), action, null);
    }
}
