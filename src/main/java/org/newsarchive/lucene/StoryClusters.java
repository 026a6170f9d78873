package org.newsarchive.lucene;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.newsarchive.schema.IndexFields;
import org.newsarchive.schema.NearDuplicates;

/**
 * Reads the story clusters that {@link NearDuplicates} assigned at index time from the clusters' doc values: the
 * cluster of a document, how many copies each story of a result page has, and every cluster when a writer opens.
 * Stateless and thread-safe.
 */
final class StoryClusters {

    private StoryClusters() {}

    /**
     * How many live articles each cluster with more than one has, in the searcher's snapshot: one pass over the
     * clusters' doc values. Clusters absent from the map have one article.
     */
    static Map<String, Integer> sharedClusterSizes(IndexSearcher searcher) throws IOException {
        Map<String, Integer> sizes = new HashMap<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            SortedDocValues clusters = leaf.reader().getSortedDocValues(IndexFields.CLUSTER);
            if (clusters == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            int[] perOrd = new int[clusters.getValueCount()];
            for (int doc = clusters.nextDoc(); doc != SortedDocValues.NO_MORE_DOCS; doc = clusters.nextDoc()) {
                if (live == null || live.get(doc)) {
                    perOrd[clusters.ordValue()]++;
                }
            }
            for (int ord = 0; ord < perOrd.length; ord++) {
                if (perOrd[ord] > 0) {
                    sizes.merge(clusters.lookupOrd(ord).utf8ToString(), perOrd[ord], Integer::sum);
                }
            }
        }
        sizes.values().removeIf(size -> size < 2);
        return Map.copyOf(sizes);
    }

    /** The cluster id of each document (null for none), read leaf by leaf in document order. */
    static String[] clustersOf(IndexSearcher searcher, int[] docIds) throws IOException {
        return InDocOrder.read(
                        searcher,
                        docIds,
                        leaf -> leaf.getSortedDocValues(IndexFields.CLUSTER),
                        (SortedDocValues clusters, int doc, int docId) -> clusters != null && clusters.advanceExact(doc)
                                ? clusters.lookupOrd(clusters.ordValue()).utf8ToString()
                                : null)
                .toArray(String[]::new);
    }

    /** The cluster id of a document, or null. */
    static String clusterOf(IndexSearcher searcher, int docId) throws IOException {
        return clustersOf(searcher, new int[] {docId})[0];
    }

    /** Registers every live article of {@code searcher} with its hash and cluster; called once, when a writer opens. */
    static void registerAll(IndexSearcher searcher, NearDuplicates nearDuplicates) throws IOException {
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            NumericDocValues hashes = leaf.reader().getNumericDocValues(IndexFields.SIMHASH);
            SortedDocValues clusters = leaf.reader().getSortedDocValues(IndexFields.CLUSTER);
            if (hashes == null || clusters == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = hashes.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = hashes.nextDoc()) {
                if ((live == null || live.get(doc)) && clusters.advanceExact(doc)) {
                    nearDuplicates.registerIndexed(
                            hashes.longValue(),
                            clusters.lookupOrd(clusters.ordValue()).utf8ToString());
                }
            }
        }
    }
}
