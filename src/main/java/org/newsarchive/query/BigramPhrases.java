package org.newsarchive.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds exact-substring queries on a bigram field.
 *
 * <p>The text is analyzed with the same chain as the index, so positions in the query equal positions in the index
 * even across punctuation, Latin words and lone characters. The stacked run-end characters are dropped (the
 * bigrams cover them), so the result is a phrase query that matches exactly where the folded text occurs.
 * Thread-safe.
 */
public final class BigramPhrases {

    private static final String BIGRAM = "<DOUBLE>";
    private static final String RUN_END = "<RUN_END>";
    private static final String LONE = "<SINGLE>";

    private final Analyzer indexBigrams;

    public BigramPhrases(Analyzer indexBigrams) {
        this.indexBigrams = indexBigrams;
    }

    private record Token(String term, String type, int position) {}

    /**
     * The query for {@code text} on {@code field}, or null when the text has no searchable token. A single CJK
     * character becomes a prefix query: it occurs either as the first half of a bigram or as an indexed run end.
     */
    public Query substring(String field, String text) {
        List<Token> kept = analyze(field, text).stream()
                .filter(token -> !token.type().equals(RUN_END))
                .toList();
        if (kept.isEmpty()) {
            return null;
        }
        if (kept.size() == 1) {
            Token only = kept.get(0);
            Term term = new Term(field, only.term());
            return only.type().equals(LONE) ? new PrefixQuery(term) : new TermQuery(term);
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        int first = kept.get(0).position();
        for (Token token : kept) {
            phrase.add(new Term(field, token.term()), token.position() - first);
        }
        return phrase.build();
    }

    private List<Token> analyze(String field, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = indexBigrams.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(new Token(term.toString(), type.type(), position));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyze query text", e);
        }
        return tokens;
    }
}
