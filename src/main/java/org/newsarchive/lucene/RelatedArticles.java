package org.newsarchive.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.article.Article;
import org.newsarchive.query.LikeQuery;
import org.newsarchive.schema.IndexFields;
import org.newsarchive.search.StoryCollapse;

/**
 * "More like this": the articles sharing the most distinctive words with a given one, one per story. Thread-safe.
 */
final class RelatedArticles {

    private final LuceneIndexReader index;
    private final ChineseAnalysis analysis;

    RelatedArticles(LuceneIndexReader index, ChineseAnalysis analysis) {
        this.index = index;
        this.analysis = analysis;
    }

    private record Candidate(int doc, String cluster) {}

    /** The articles of {@code docs}, in order. */
    List<Article> read(IndexSearcher searcher, int[] docs) {
        return Arrays.stream(docs).mapToObj(doc -> read(searcher, doc)).toList();
    }

    /**
     * The documents related to document {@code doc} of {@code searcher}, at most {@code size}, one per story: the
     * article's distinctive words ({@link LikeQuery}) and a search.
     */
    int[] findDocs(IndexSearcher searcher, int doc, int size) throws IOException {
        Article article = index.article(searcher, doc);
        String ownCluster = StoryClusters.clusterOf(searcher, doc);
        Query like = LikeQuery.of(searcher.getIndexReader(), analysis, article.title(), article.text());
        Query query = new BooleanQuery.Builder()
                .add(like, Occur.MUST)
                .add(new TermQuery(new Term(IndexFields.ID, article.id())), Occur.MUST_NOT)
                .build();
        ScoreDoc[] hits = searcher.search(query, size * StoryCollapse.RELATED_CANDIDATES_PER_ARTICLE).scoreDocs;
        String[] clusters = StoryClusters.clustersOf(
                searcher, Arrays.stream(hits).mapToInt(hit -> hit.doc).toArray());
        List<Candidate> candidates = new ArrayList<>(hits.length);
        for (int i = 0; i < hits.length; i++) {
            candidates.add(new Candidate(hits[i].doc, clusters[i]));
        }
        return StoryCollapse.related(candidates, Candidate::cluster, ownCluster, size).stream()
                .mapToInt(Candidate::doc)
                .toArray();
    }

    private Article read(IndexSearcher searcher, int doc) {
        try {
            return index.article(searcher, doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a related article from " + index.directory(), e);
        }
    }
}
