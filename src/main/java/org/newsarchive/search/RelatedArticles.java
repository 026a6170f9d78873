package org.newsarchive.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.article.Article;
import org.newsarchive.index.ArticleIndex;
import org.newsarchive.index.IndexFields;

/**
 * "More like this": the articles sharing the most distinctive words with a given one, one per story. Thread-safe.
 */
final class RelatedArticles {

    private final ArticleIndex index;
    private final ChineseAnalysis analysis;

    RelatedArticles(ArticleIndex index, ChineseAnalysis analysis) {
        this.index = index;
        this.analysis = analysis;
    }

    List<Article> find(IndexSearcher searcher, Article article, int size) throws IOException {
        Query like = LikeQuery.of(searcher.getIndexReader(), analysis, article.title(), article.text());
        Query query = new BooleanQuery.Builder()
                .add(like, Occur.MUST)
                .add(new TermQuery(new Term(IndexFields.ID, article.id())), Occur.MUST_NOT)
                .build();
        List<Article> related = new ArrayList<>();
        Set<String> clusters = new HashSet<>();
        String ownCluster = null;
        for (ScoreDoc hit : searcher.search(new TermQuery(new Term(IndexFields.ID, article.id())), 1).scoreDocs) {
            ownCluster = index.clusterOf(searcher, hit.doc);
        }
        if (ownCluster != null) {
            clusters.add(ownCluster);
        }
        for (ScoreDoc hit : searcher.search(query, size * 3).scoreDocs) {
            String cluster = index.clusterOf(searcher, hit.doc);
            if (cluster == null || clusters.add(cluster)) {
                related.add(index.article(searcher, hit.doc));
                if (related.size() == size) {
                    break;
                }
            }
        }
        return related;
    }
}
