package org.newsarchive.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.schema.IndexFields;

/**
 * Turns parsed queries into Lucene queries over the two views. Both engines run the queries built here: the
 * embedded index directly, SolrCloud through {@code org.newsarchive.solr.plugin.ArchiveQParserPlugin}, so the two
 * match and rank alike.
 *
 * <p>Matching uses the bigram view only: every term, quoted or not, must occur as an exact substring (after
 * folding) of the title or the body (or of the metadata, or of an earlier version's title or text, ranked lower), so
 * no segmentation choice can hide a match. Ranking adds optional clauses:
 * title matches, word-view matches, and the terms close together. Thread-safe.
 */
public final class QueryFactory {

    private static final float TITLE_BOOST = 3f;
    /** Publisher, channel, tags, categories and authors: found, but after the articles whose text has the term. */
    private static final float METADATA_BOOST = 0.1f;
    /** What an article said before it was edited: found, after the articles that say it now. */
    private static final float EARLIER_BOOST = 0.2f;

    private static final float WORDS_BOOST = 0.5f;
    private static final float TITLE_WORDS_BOOST = 1.5f;
    private static final float PROXIMITY_BOOST = 2f;
    private static final int PROXIMITY_SLOP = 6;
    private static final float WHOLE_TITLE_BOOST = 5f;
    private static final float EXACT_TITLE_BOOST = 10f;

    private final ChineseAnalysis analysis;
    private final BigramPhrases bigrams;
    private final QueryBuilder words;

    public QueryFactory(ChineseAnalysis analysis) {
        this.analysis = analysis;
        this.bigrams = new BigramPhrases(analysis.indexBigrams());
        this.words = new QueryBuilder(analysis.words());
    }

    /**
     * The two queries of a search.
     *
     * @param ranked what to search with: the matching clauses plus the ranking clauses
     * @param match the matching clauses alone, for counting and highlighting
     * @param matchesEverything whether the query has no clause at all, so that every article matches
     */
    public record Built(Query ranked, Query match, boolean matchesEverything) {}

    /**
     * The queries for {@code parsed}: clauses required, or (when {@code anyTerm}) at least one of them, plus the
     * ranking clauses.
     */
    public Built build(ParsedQuery parsed, boolean anyTerm) {
        BooleanQuery.Builder match = new BooleanQuery.Builder();
        int positives = 0;
        for (List<ParsedQuery.Clause> group : parsed.groups()) {
            Query query = group.size() == 1 ? clause(group.get(0)) : anyOf(group);
            if (query != null) {
                match.add(query, anyTerm ? Occur.SHOULD : Occur.MUST);
                positives++;
            }
        }
        for (ParsedQuery.Clause exclusion : parsed.exclusions()) {
            Query query = clause(exclusion);
            if (query != null) {
                match.add(query, Occur.MUST_NOT);
            }
        }
        if (positives == 0) {
            match.add(new MatchAllDocsQuery(), Occur.MUST);
        } else if (anyTerm) {
            match.setMinimumNumberShouldMatch(1);
        }
        Query matching = match.build();
        boolean everything = positives == 0 && parsed.exclusions().isEmpty();
        List<Query> boosters = boosters(parsed);
        if (boosters.isEmpty()) {
            return new Built(matching, matching, everything);
        }
        BooleanQuery.Builder ranked = new BooleanQuery.Builder().add(matching, Occur.MUST);
        boosters.forEach(booster -> ranked.add(booster, Occur.SHOULD));
        return new Built(ranked.build(), matching, everything);
    }

    private Query anyOf(List<ParsedQuery.Clause> group) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int added = 0;
        for (ParsedQuery.Clause clause : group) {
            Query query = clause(clause);
            if (query != null) {
                any.add(query, Occur.SHOULD);
                added++;
            }
        }
        return added == 0 ? null : any.setMinimumNumberShouldMatch(1).build();
    }

    /** The matching query of one clause, or null when its text has nothing searchable. */
    private Query clause(ParsedQuery.Clause clause) {
        String text = clause.text();
        if (clause.field() == null) {
            Query body = bigrams.substring(IndexFields.BODY, text);
            Query title = bigrams.substring(IndexFields.TITLE, text);
            if (body == null || title == null) {
                return null;
            }
            return new BooleanQuery.Builder()
                    .add(body, Occur.SHOULD)
                    .add(new BoostQuery(title, TITLE_BOOST), Occur.SHOULD)
                    .add(new BoostQuery(bigrams.substring(IndexFields.META, text), METADATA_BOOST), Occur.SHOULD)
                    .add(new BoostQuery(bigrams.substring(IndexFields.AUTHOR, text), METADATA_BOOST), Occur.SHOULD)
                    .add(new BoostQuery(bigrams.substring(IndexFields.EARLIER, text), EARLIER_BOOST), Occur.SHOULD)
                    .setMinimumNumberShouldMatch(1)
                    .build();
        }
        return switch (clause.field()) {
            case "title" -> bigrams.substring(IndexFields.TITLE, text);
            case "author" -> bigrams.substring(IndexFields.AUTHOR, text);
            case "publisher" -> foldedValue(IndexFields.PUBLISHER, text);
            case "tag" -> foldedValue(IndexFields.TAG, text);
            case "site" -> new TermQuery(new Term(IndexFields.SITE, site(text)));
            default -> null;
        };
    }

    /** Articles whose value in the dimension is {@code value}, whatever its script, width or case. */
    private Query foldedValue(String dimension, String value) {
        return new TermQuery(new Term(IndexFields.folded(dimension), ChineseAnalysis.foldValue(value)));
    }

    private static String site(String text) {
        String host =
                text.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("[/?#].*$", "");
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    /**
     * Optional clauses that order the matches: word-view hits, title words, all terms near each other, and the whole
     * query found in the title (a reader pasting a headline wants that article first).
     */
    private List<Query> boosters(ParsedQuery parsed) {
        List<Query> boosters = new ArrayList<>();
        List<String> plainTerms = new ArrayList<>();
        for (List<ParsedQuery.Clause> group : parsed.groups()) {
            for (ParsedQuery.Clause clause : group) {
                if (clause.field() != null && !clause.field().equals("title")) {
                    continue;
                }
                addIfPresent(
                        boosters,
                        words.createBooleanQuery(IndexFields.TITLE_WORDS, clause.text(), Occur.MUST),
                        TITLE_WORDS_BOOST);
                if (clause.field() == null) {
                    addIfPresent(
                            boosters,
                            words.createBooleanQuery(IndexFields.BODY_WORDS, clause.text(), Occur.MUST),
                            WORDS_BOOST);
                    plainTerms.add(clause.text());
                }
            }
        }
        if (!plainTerms.isEmpty()) {
            String whole = String.join(" ", plainTerms);
            addIfPresent(boosters, bigrams.substring(IndexFields.TITLE, whole), WHOLE_TITLE_BOOST);
            String titleKey = analysis.titleKey(whole);
            if (!titleKey.isEmpty()) {
                addIfPresent(boosters, new TermQuery(new Term(IndexFields.TITLE_KEY, titleKey)), EXACT_TITLE_BOOST);
            }
        }
        if (plainTerms.size() > 1) {
            addIfPresent(boosters, proximity(plainTerms), PROXIMITY_BOOST);
        }
        return boosters;
    }

    /** All terms within a few positions of each other in the body, on the bigram view (the one with positions). */
    private Query proximity(List<String> terms) {
        PhraseQuery.Builder near = new PhraseQuery.Builder();
        int position = 0;
        for (String term : terms) {
            Query query = bigrams.substring(IndexFields.BODY, term);
            if (!(query instanceof TermQuery single)) {
                return null;
            }
            near.add(single.getTerm(), position++);
        }
        return near.setSlop(PROXIMITY_SLOP).build();
    }

    private static void addIfPresent(List<Query> boosters, Query query, float boost) {
        if (query != null) {
            boosters.add(new BoostQuery(query, boost));
        }
    }
}
