package org.newsarchive.query;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.Query;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.schema.IndexFields;

/**
 * The "more like this" query of an article: its most distinctive words, weighted by how rare they are in the index
 * being searched. Used by both engines (in SolrCloud by {@code org.newsarchive.solr.plugin.RelatedQParserPlugin}).
 */
public final class LikeQuery {

    private static final int MAX_QUERY_TERMS = 30;
    /**
     * Words are picked from the title and the opening of the text only: the lead says what an article is about,
     * and every distinct word read costs a term lookup per index segment.
     */
    private static final int MAX_TEXT_CHARS = 1_200;

    private static final int MAX_TOKENS_PARSED = 600;

    private LikeQuery() {}

    /** The query over the word view of {@code reader}'s index for an article with this title and text. */
    public static Query of(IndexReader reader, ChineseAnalysis analysis, String title, String text) {
        try {
            return moreLikeThis(reader, analysis)
                    .like(IndexFields.BODY_WORDS, new StringReader(title + "\n" + lead(text)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pick the words of " + title, e);
        }
    }

    private static MoreLikeThis moreLikeThis(IndexReader reader, ChineseAnalysis analysis) throws IOException {
        MoreLikeThis moreLikeThis = new MoreLikeThis(reader);
        moreLikeThis.setAnalyzer(analysis.words());
        moreLikeThis.setFieldNames(new String[] {IndexFields.BODY_WORDS});
        moreLikeThis.setMaxNumTokensParsed(MAX_TOKENS_PARSED);
        moreLikeThis.setMinTermFreq(1);
        moreLikeThis.setMinDocFreq(2);
        moreLikeThis.setMinWordLen(2);
        moreLikeThis.setMaxQueryTerms(MAX_QUERY_TERMS);
        return moreLikeThis;
    }

    /** The text the words are picked from: the opening of {@code text}. */
    public static String lead(String text) {
        return text.length() <= MAX_TEXT_CHARS ? text : text.substring(0, MAX_TEXT_CHARS);
    }
}
