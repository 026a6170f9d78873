package org.newsarchive.lucene;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
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
     * For each document, how many articles share its cluster (itself included), as of the searcher's snapshot; 1 for
     * a document without a cluster. Each distinct cluster is counted once, from its term's postings.
     */
    static int[] copyCounts(IndexSearcher searcher, String[] clusters) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        int[] copies = new int[clusters.length];
        for (int i = 0; i < clusters.length; i++) {
            if (clusters[i] == null) {
                copies[i] = 1;
                continue;
            }
            Integer count = counts.get(clusters[i]);
            if (count == null) {
                count = searcher.count(new TermQuery(new Term(IndexFields.CLUSTER, clusters[i])));
                counts.put(clusters[i], count);
            }
            copies[i] = Math.max(1, count);
        }
        return copies;
    }

    /** The cluster id of each document (null for none), read leaf by leaf in document order. */
    static String[] clustersOf(IndexSearcher searcher, int[] docIds) throws IOException {
        Integer[] byDoc = new Integer[docIds.length];
        for (int i = 0; i < byDoc.length; i++) {
            byDoc[i] = i;
        }
        Arrays.sort(byDoc, Comparator.comparingInt(i -> docIds[i]));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        String[] clusters = new String[docIds.length];
        int leafIndex = -1;
        SortedDocValues values = null;
        int docBase = 0;
        for (int i : byDoc) {
            int leaf = ReaderUtil.subIndex(docIds[i], leaves);
            if (leaf != leafIndex) {
                leafIndex = leaf;
                docBase = leaves.get(leaf).docBase;
                values = leaves.get(leaf).reader().getSortedDocValues(IndexFields.CLUSTER);
            }
            if (values != null && values.advanceExact(docIds[i] - docBase)) {
                clusters[i] = values.lookupOrd(values.ordValue()).utf8ToString();
            }
        }
        return clusters;
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
