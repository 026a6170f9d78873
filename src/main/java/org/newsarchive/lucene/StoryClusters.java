package org.newsarchive.lucene;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
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
     * For each document, how many articles share its cluster (itself included), as of the searcher's snapshot. One
     * pass over the clusters' articles serves the whole page.
     */
    static int[] copyCounts(IndexSearcher searcher, int[] docIds) throws IOException {
        String[] clusters = new String[docIds.length];
        Map<String, Integer> counts = new HashMap<>();
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
    private static final class ClusterCounter extends SimpleCollector {

        private final Map<String, Integer> counts;
        private SortedDocValues clusters;

        ClusterCounter(Map<String, Integer> counts) {
            this.counts = counts;
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            clusters = context.reader().getSortedDocValues(IndexFields.CLUSTER);
        }

        @Override
        public void collect(int doc) throws IOException {
            if (clusters != null && clusters.advanceExact(doc)) {
                counts.merge(clusters.lookupOrd(clusters.ordValue()).utf8ToString(), 1, Integer::sum);
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    /** The cluster id of a document, or null. */
    static String clusterOf(IndexSearcher searcher, int docId) throws IOException {
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            if (docId >= leaf.docBase && docId < leaf.docBase + leaf.reader().maxDoc()) {
                SortedDocValues clusters = leaf.reader().getSortedDocValues(IndexFields.CLUSTER);
                return clusters != null && clusters.advanceExact(docId - leaf.docBase)
                        ? clusters.lookupOrd(clusters.ordValue()).utf8ToString()
                        : null;
            }
        }
        return null;
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
