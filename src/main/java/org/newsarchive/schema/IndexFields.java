package org.newsarchive.schema;

import java.util.List;
import java.util.Map;
import org.newsarchive.analysis.ChineseAnalysis;

/**
 * The field names of the article index and the analysis view of each text field, the same in both engines (the
 * SolrCloud configset's schema declares them too). Depends on nothing but constants, so the Solr plugin can carry it.
 */
public final class IndexFields {

    public static final String ID = "id";
    /** Original title: bigram view, stored with offsets for highlighting. */
    public static final String TITLE = "title";

    public static final String TITLE_WORDS = "title_words";
    /** The title's folded letters and digits, for exact-title matches ({@link org.newsarchive.analysis.ChineseAnalysis#titleKey}). */
    public static final String TITLE_KEY = "title_key";
    /** Original body text: bigram view, stored with offsets for highlighting. */
    public static final String BODY = "body";

    public static final String BODY_WORDS = "body_words";
    public static final String AUTHOR = "author";
    /**
     * The publisher, channel, tags and categories as text (bigram view), so that a plain query finds an article by
     * them too, ranked below matches in its title and body.
     */
    public static final String META = "meta";

    /**
     * The titles and texts of an article's earlier versions (bigram view, not stored), so that a search finds an
     * article by what it said before it was edited; ranked below matches in its current text.
     */
    public static final String EARLIER = "earlier";

    /** The article's earlier versions and the removals of its file, as JSON ({@link ArticleRecords#historyToBytes}). */
    public static final String HISTORY = "history";
    /** When a mirror held the current version, in epoch milliseconds; absent when unknown. */
    public static final String MIRRORED = "mirrored";

    public static final String SITE = "site";
    public static final String SHA256 = "sha256";
    /** Publication time in epoch milliseconds, for range filters and sorting. */
    public static final String DATE = "date";
    /** When the archive ingested the article, in epoch milliseconds, for the order of newly archived articles. */
    public static final String INGESTED = "ingested";
    /** {@code true} on an article kept without text (a title and metadata alone), so that stats can count them. */
    public static final String NO_TEXT = "no_text";

    public static final String RECORD = "record";
    /**
     * The record without text and HTML, kept apart from the stored fields (as doc values in the embedded index), so
     * that result lists read a few hundred bytes per article instead of decompressing whole articles.
     */
    public static final String SUMMARY = "summary";
    /** SimHash of the folded text, for near-duplicate detection. */
    public static final String SIMHASH = "simhash";
    /** Id of the first-indexed copy of the same story; every article of a cluster holds the same value. */
    public static final String CLUSTER = "cluster";

    public static final String PUBLISHER = "publisher";
    public static final String CHANNEL = "channel";
    public static final String TAG = "tag";
    public static final String CATEGORY = "category";
    public static final String LANGUAGE = "language";
    public static final String YEAR = "year";
    public static final String YEAR_MONTH = "year_month";
    /**
     * What became of the article's original URL, as its link checks tell ({@link OriginalStatuses}): {@code online},
     * {@code moved}, {@code gone}, {@code blocked}, {@code unreachable} or {@code unchecked}.
     */
    public static final String ORIGINAL = "original";

    /**
     * Dimensions whose values are free text, matched by filters and field searches after folding: each has a field
     * {@link #folded} of its values folded the way full text is ({@link ChineseAnalysis#fold}).
     */
    public static final List<String> FOLDED_FACETS = List.of(PUBLISHER, CHANNEL, TAG, CATEGORY);

    /** The field of a dimension's folded values, such as {@code publisher_folded}. */
    public static String folded(String dimension) {
        return dimension + "_folded";
    }

    /** Facet dimensions in display order. */
    public static final List<String> FACETS =
            List.of(PUBLISHER, CHANNEL, TAG, CATEGORY, LANGUAGE, YEAR, YEAR_MONTH, ORIGINAL);

    /** Which analysis view each analyzed field uses; other fields are not analyzed. */
    public static final Map<String, String> VIEWS = Map.of(
            TITLE, ChineseAnalysis.BIGRAMS,
            BODY, ChineseAnalysis.BIGRAMS,
            AUTHOR, ChineseAnalysis.BIGRAMS,
            META, ChineseAnalysis.BIGRAMS,
            EARLIER, ChineseAnalysis.BIGRAMS,
            TITLE_WORDS, ChineseAnalysis.WORDS,
            BODY_WORDS, ChineseAnalysis.WORDS);

    private IndexFields() {}
}
