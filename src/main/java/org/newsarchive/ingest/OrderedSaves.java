package org.newsarchive.ingest;

import java.util.concurrent.ConcurrentHashMap;
import org.newsarchive.article.Article;

/**
 * Saves a batch's articles from parallel threads so that, for each id, the file latest in batch order wins, whatever
 * order the threads finish in: two copies of one article in a batch always resolve the same way. Thread-safe; one
 * instance per batch.
 */
final class OrderedSaves {

    private final ArticleSink sink;
    private final ConcurrentHashMap<String, Integer> latestOrder = new ConcurrentHashMap<>();

    OrderedSaves(ArticleSink sink) {
        this.sink = sink;
    }

    /** Saves {@code article}, the {@code order}-th item of the batch, unless a later item with its id was saved. */
    void save(Article article, int order) {
        latestOrder.compute(article.id(), (id, saved) -> {
            if (saved != null && saved > order) {
                return saved;
            }
            sink.save(article);
            return order;
        });
    }
}
