package org.newsarchive.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.index.ArticleIndex;
import org.newsarchive.index.IndexFields;

/**
 * Completes titles for the search box, in either script: titles that start with the typed text (compared folded,
 * ignoring punctuation), then titles that contain it. Thread-safe.
 */
final class TitleSuggestions {

    private final ArticleIndex index;
    private final ChineseAnalysis analysis;
    private final BigramPhrases bigrams;

    TitleSuggestions(ArticleIndex index, ChineseAnalysis analysis) {
        this.index = index;
        this.analysis = analysis;
        this.bigrams = new BigramPhrases(analysis.indexBigrams());
    }

    List<String> complete(IndexSearcher searcher, String typed, int size) throws IOException {
        int limit = Math.max(1, Math.min(size, SearchService.MAX_SUGGESTIONS));
        String text = typed.length() > SearchService.MAX_SUGGEST_PREFIX
                ? typed.substring(0, SearchService.MAX_SUGGEST_PREFIX)
                : typed;
        Set<String> titles = new LinkedHashSet<>();
        String key = analysis.titleKey(text);
        if (!key.isEmpty()) {
            collect(searcher, new PrefixQuery(new Term(IndexFields.TITLE_KEY, key)), titles, limit);
        }
        Query contains = bigrams.substring(IndexFields.TITLE, text);
        if (contains != null && titles.size() < limit) {
            collect(searcher, contains, titles, limit);
        }
        return new ArrayList<>(titles);
    }

    private void collect(IndexSearcher searcher, Query query, Set<String> titles, int limit) throws IOException {
        for (ScoreDoc hit : searcher.search(query, limit * 2).scoreDocs) {
            titles.add(index.article(searcher, hit.doc).title());
            if (titles.size() >= limit) {
                return;
            }
        }
    }
}
