package org.newsarchive.lucene;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;

/**
 * Reads a value for each of some documents of a searcher from per-leaf doc values. Doc-values iterators only move
 * forward, so the documents are visited leaf by leaf in document order, with one iterator per leaf, whatever order
 * they are given in (a result page is in score order). Stateless and thread-safe.
 */
final class InDocOrder {

    private InDocOrder() {}

    /** Opens what a leaf holds for the documents, such as its doc values of one field (null when it has none). */
    @FunctionalInterface
    interface LeafValues<V> {
        V open(LeafReader leaf) throws IOException;
    }

    /** The value of one document, from its leaf's values at {@code leafDoc}; {@code docId} is its searcher id. */
    @FunctionalInterface
    interface Read<V, R> {
        R read(V values, int leafDoc, int docId) throws IOException;
    }

    /** The value of each document of {@code docIds}, in the order given. */
    static <V, R> List<R> read(IndexSearcher searcher, int[] docIds, LeafValues<V> open, Read<V, R> read)
            throws IOException {
        Integer[] order = new Integer[docIds.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> docIds[i]));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Object[] results = new Object[docIds.length];
        int leafIndex = -1;
        V values = null;
        for (int i : order) {
            int leaf = ReaderUtil.subIndex(docIds[i], leaves);
            if (leaf != leafIndex) {
                leafIndex = leaf;
                values = open.open(leaves.get(leaf).reader());
            }
            results[i] = read.read(values, docIds[i] - leaves.get(leaf).docBase, docIds[i]);
        }
        @SuppressWarnings("unchecked")
        List<R> inGivenOrder = (List<R>) Arrays.asList(results);
        return inGivenOrder;
    }
}
