package org.newsarchive.ingest;

import java.util.Optional;
import org.newsarchive.version.ArticleHistory;

/**
 * Where ingested articles go, each with all its versions. Ingestion depends only on this, so it knows nothing of how
 * articles are kept. Implementations must be thread-safe: ingest threads call {@link #save} concurrently, each for
 * other articles.
 */
public interface ArticleSink {

    /**
     * The versions kept of the article with this id: those committed, and those saved since, once
     * {@link #makeVisible} has run. Empty for an article never saved.
     */
    Optional<ArticleHistory> history(String id);

    /** Inserts the article with its versions, or replaces what was kept of it. */
    void save(ArticleHistory history);

    /** Makes everything saved so far visible to {@link #history}, without waiting to make it durable. */
    void makeVisible();

    /** Removes every article; used before rebuilding from the raw store. Takes effect at the next commit. */
    void deleteAll();

    /** Makes everything saved so far durable and visible; called once after each batch and at checkpoints. */
    void commit();
}
