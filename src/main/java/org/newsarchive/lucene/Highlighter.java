package org.newsarchive.lucene;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.newsarchive.article.Article;
import org.newsarchive.schema.IndexFields;
import org.newsarchive.search.SearchService;

/**
 * Highlights titles and body snippets with Lucene's unified highlighter, from the offsets stored in the postings.
 * Offsets point into the original text, so a reader who searched in simplified characters sees the traditional
 * original marked. Output is HTML: escaped text with {@code <mark>} around matches. The texts come from the
 * articles already loaded for the page, so stored fields are read once. Thread-safe.
 */
final class Highlighter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Highlighter.class);

    private static final int SNIPPET_PASSAGES = 2;
    private static final int MAX_ANALYZED_LENGTH = 1_000_000;

    private final Analyzer analyzer;

    Highlighter(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * Highlighted title and snippet of each page doc, in order: {@code [i][0]} title, {@code [i][1]} snippet (null
     * where there is nothing to show).
     *
     * @param query the matching query only: ranking-only clauses would cost time and mark nothing
     * @param articles the page's articles, in the order of {@code page}
     */
    String[][] highlight(IndexSearcher searcher, Query query, TopDocs page, List<Article> articles) throws IOException {
        Map<Integer, Article> byDoc = new HashMap<>();
        for (int i = 0; i < page.scoreDocs.length; i++) {
            byDoc.put(page.scoreDocs[i].doc, articles.get(i));
        }
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "…", true))
                .withMaxLength(MAX_ANALYZED_LENGTH)
                .withHighlightPhrasesStrictly(true)
                .withWeightMatches(false);
        UnifiedHighlighter highlighter = new UnifiedHighlighter(builder) {
            @Override
            protected BreakIterator getBreakIterator(String field) {
                return field.equals(IndexFields.TITLE)
                        ? new WholeBreakIterator()
                        : LengthGoalBreakIterator.createClosestToLength(
                                new SentenceBreakIterator(), SearchService.SNIPPET_LENGTH, 0.5f);
            }

            /** Both fields keep offsets in their postings; asking the index would merge every segment's field infos. */
            @Override
            protected OffsetSource getOffsetSource(String field) {
                return OffsetSource.POSTINGS;
            }

            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int threshold)
                    throws IOException {
                List<CharSequence[]> values = new ArrayList<>();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    Article article = byDoc.get(doc);
                    CharSequence[] fieldValues = new CharSequence[fields.length];
                    for (int f = 0; f < fields.length; f++) {
                        fieldValues[f] = fields[f].equals(IndexFields.TITLE) ? article.title() : article.text();
                    }
                    values.add(fieldValues);
                }
                return values;
            }
        };
        Map<String, String[]> fields;
        try {
            fields = highlighter.highlightFields(
                    new String[] {IndexFields.TITLE, IndexFields.BODY}, query, page, new int[] {1, SNIPPET_PASSAGES});
        } catch (IndexOutOfBoundsException | AssertionError unorderedMatches) {
            // Text that NFKC turns into several characters (㍿ is 株式会社) gives its terms empty offsets in the
            // original, which Lucene's passage formatter cannot place (it asserts, then fails appending). The page
            // is better served unmarked than not at all; the hits show escaped titles and no snippet.
            log.warn(
                    "Highlighting failed for a page of {} hits, shown unmarked: {}",
                    page.scoreDocs.length,
                    String.valueOf(unorderedMatches.getMessage()));
            return new String[page.scoreDocs.length][2];
        }
        String[] titles = fields.get(IndexFields.TITLE);
        String[] bodies = fields.get(IndexFields.BODY);
        String[][] result = new String[page.scoreDocs.length][2];
        for (int i = 0; i < result.length; i++) {
            result[i][0] = titles[i];
            result[i][1] = bodies[i];
        }
        return result;
    }
}
