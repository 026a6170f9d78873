package org.newsarchive.lucene;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.query.BigramPhrases;
import org.newsarchive.schema.IndexFields;
import org.newsarchive.search.TitleCompletion;

/**
 * Completes titles for the search box, in either script: titles that start with the typed text (compared folded,
 * ignoring punctuation), then titles that contain it; nothing for text without a letter or digit. Thread-safe.
 */
final class TitleSuggestions {

    private final LuceneIndexReader index;
    private final ChineseAnalysis analysis;
    private final BigramPhrases bigrams;

    TitleSuggestions(LuceneIndexReader index, ChineseAnalysis analysis) {
        this.index = index;
        this.analysis = analysis;
        this.bigrams = new BigramPhrases(analysis.indexBigrams());
    }

    List<String> complete(IndexSearcher searcher, String typed, int size) throws IOException {
        TitleCompletion completion = new TitleCompletion(typed, size);
        String key = analysis.titleKey(completion.typed());
        if (key.isEmpty()) {
            return List.of();
        }
        collect(searcher, new PrefixQuery(new Term(IndexFields.TITLE_KEY, key)), completion);
        Query contains = bigrams.substring(IndexFields.TITLE, completion.typed());
        if (contains != null && !completion.isFull()) {
            collect(searcher, contains, completion);
        }
        return completion.titles();
    }

    private void collect(IndexSearcher searcher, Query query, TitleCompletion completion) throws IOException {
        for (ScoreDoc hit : searcher.search(query, completion.candidates()).scoreDocs) {
            if (!completion.add(index.article(searcher, hit.doc).title())) {
                return;
            }
        }
    }
}
