package org.newsarchive.ingest;

import org.newsarchive.article.Article;

/**
 * Where ingested articles go. Ingestion depends only on this, so it knows nothing of how articles are kept.
 * Implementations must be thread-safe: ingest threads call {@link #save} concurrently.
 */
public interface ArticleSink {

    /** True when the sink already holds this article, read from the same bytes. */
    boolean holdsSame(Article article);

    /** Inserts the article, or replaces the one with the same id. */
    void save(Article article);

    /** Removes every article; used before rebuilding from the raw store. Takes effect at the next commit. */
    void deleteAll();

    /** Makes everything saved so far durable; called once after each batch. */
    void commit();
}
