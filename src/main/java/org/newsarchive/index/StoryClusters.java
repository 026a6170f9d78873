package org.newsarchive.index;

import java.io.IOException;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;

/**
 * Reads the story clusters that {@link NearDuplicates} assigned at index time: the cluster of a document, and how many
 * copies each story of a result page has. Stateless and thread-safe.
 */
final class StoryClusters {

    private StoryClusters() {}

    /**
     * For each document, how many articles share its cluster (itself included), as of the last refresh. One pass
     * over the clusters' articles serves the whole page.
     */
    static int[] copyCounts(IndexSearcher searcher, int[] docIds) throws IOException {
        String[] clusters = new String[docIds.length];
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        BooleanQuery.Builder anyCluster = new BooleanQuery.Builder();
        for (int i = 0; i < docIds.length; i++) {
            clusters[i] = clusterOf(searcher, docIds[i]);
            if (clusters[i] != null && counts.putIfAbsent(clusters[i], 0) == null) {
                anyCluster.add(new TermQuery(new Term(IndexFields.CLUSTER, clusters[i])), BooleanClause.Occur.SHOULD);
            }
        }
        if (!counts.isEmpty()) {
            searcher.search(anyCluster.build(), new ClusterCounter(counts));
        }
        int[] copies = new int[docIds.length];
        for (int i = 0; i < docIds.length; i++) {
            copies[i] = clusters[i] == null ? 1 : Math.max(1, counts.get(clusters[i]));
        }
        return copies;
    }

    /** Counts matching documents per cluster id. */
    private static final class ClusterCounter extends org.apache.lucene.search.SimpleCollector {

        private final java.util.Map<String, Integer> counts;
        private org.apache.lucene.index.SortedDocValues clusters;

        ClusterCounter(java.util.Map<String, Integer> counts) {
            this.counts = counts;
        }

        @Override
        protected void doSetNextReader(org.apache.lucene.index.LeafReaderContext context) throws IOException {
            clusters = context.reader().getSortedDocValues(IndexFields.CLUSTER);
        }

        @Override
        public void collect(int doc) throws IOException {
            if (clusters != null && clusters.advanceExact(doc)) {
                counts.merge(clusters.lookupOrd(clusters.ordValue()).utf8ToString(), 1, Integer::sum);
            }
        }

        @Override
        public org.apache.lucene.search.ScoreMode scoreMode() {
            return org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    /** The cluster id of a document, or null. */
    static String clusterOf(IndexSearcher searcher, int docId) throws IOException {
        for (org.apache.lucene.index.LeafReaderContext leaf :
                searcher.getIndexReader().leaves()) {
            if (docId >= leaf.docBase && docId < leaf.docBase + leaf.reader().maxDoc()) {
                var clusters = leaf.reader().getSortedDocValues(IndexFields.CLUSTER);
                return clusters != null && clusters.advanceExact(docId - leaf.docBase)
                        ? clusters.lookupOrd(clusters.ordValue()).utf8ToString()
                        : null;
            }
        }
        return null;
    }
}
