package org.newsarchive.lucene;

import java.nio.file.Path;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SortOrder;

/** The collector of a request's top hits, in its order, after its cursor when it walks with one. Stateless. */
final class LuceneCollectors {

    private LuceneCollectors() {}

    /**
     * Collects the top {@code depth} hits, counting matches exactly up to {@code exactCount}; past it, Lucene may
     * skip hits that cannot enter the top.
     *
     * @param directory the index's, for the message when a cursor cannot be followed on it
     */
    static CollectorManager<?, ? extends TopDocs> topHits(
            IndexSearcher searcher, SearchRequest request, int depth, int exactCount, Path directory) {
        SortOrder order = request.sort();
        if (request.walksWithCursor()) {
            FieldDoc after = LuceneCursor.after(request.cursor(), order);
            LuceneCursor.requireIdOrder(searcher.getIndexReader(), directory);
            return new TopFieldCollectorManager(LuceneCursor.sort(order), depth, after, exactCount);
        }
        return order == SortOrder.RELEVANCE
                ? new TopScoreDocCollectorManager(depth, null, exactCount)
                : new TopFieldCollectorManager(LuceneSorts.of(order), depth, null, exactCount);
    }
}
