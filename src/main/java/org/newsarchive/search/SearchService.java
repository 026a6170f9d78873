package org.newsarchive.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.newsarchive.article.Article;
import org.newsarchive.article.PublicationDate;
import org.newsarchive.schema.IndexFields;
import org.newsarchive.version.ArticleHistory;

/**
 * The one search service behind the pages, the API and the command line, whatever engine holds the articles: the
 * embedded Lucene index or SolrCloud. Both give the same answers to the same requests.
 *
 * <p>Queries are parsed leniently (see {@code query.QuerySyntax}): every term must occur as an exact substring, after
 * folding, of the title, the body, the metadata (publisher, tags, channel and such), an author or an earlier
 * version's title or text; {@code title:}, {@code author:} and {@code site:} limit a term to one of them. Facet counts are drill-sideways: each dimension is counted with the filters of the other
 * dimensions, so a reader sees what else they could pick. Totals are exact up to {@value #EXACT_TOTAL_LIMIT}; pages
 * reach {@value #MAX_DEPTH} hits deep. Copies of one story are shown once, with their count. When nothing matches
 * every term, articles matching any term are returned, and the results say so. Implementations are thread-safe.
 *
 * <p>Every method may throw {@link SearchUnavailableException} when the engine cannot answer for now.
 */
public interface SearchService {

    int EXACT_TOTAL_LIMIT = 10_000;
    int MAX_DEPTH = 10_000;

    /** The last page that numbered paging reaches with {@code size} hits a page (1 for counts alone). */
    static int lastPage(int size) {
        return Math.max(1, MAX_DEPTH / Math.max(1, size));
    }
    /** Values counted per facet dimension in search results, most frequent first. */
    int FACET_VALUES = 20;
    /** Snippets are cut at sentences to about this many characters. */
    int SNIPPET_LENGTH = 120;
    /** Articles read per batch by {@link #forEachMatch}. */
    int EXPORT_BATCH = 500;
    /** Most copies of one story that {@link #copies} lists. */
    int MAX_COPIES = 1000;

    /** The whole article with this id, body included. */
    Optional<Article> find(String id);

    /**
     * Every version of the article with this id, oldest first, each whole, and the removals of its file; empty for
     * an unknown id.
     */
    Optional<ArticleHistory> history(String id);

    /**
     * The copies of one story: every archived article grouped with this one, itself included, each without its
     * text and HTML ({@link Article#withoutBody}); {@link #find} reads a whole copy.
     */
    List<Article> copies(String id);

    /**
     * Articles most like the given one (more-like-this over the word view), excluding its own copies; empty for an
     * unknown id.
     *
     * @throws IllegalArgumentException when size is not between 1 and {@link SearchRequest#MAX_SIZE}
     */
    List<Article> related(String id, int size);

    /** Titles completing what a reader has typed, by the rules of {@link TitleCompletion}. */
    List<String> suggest(String prefix, int size);

    /** Articles kept without text: posts of which the mirror kept a title and metadata alone, or a video. */
    long countWithoutText();

    /** Bytes the search index takes on disk (on every node, for a cluster). */
    long indexSizeBytes();

    /**
     * Every value of one facet dimension over the whole archive with its article count, most frequent first (ties
     * in value order); empty for a dimension no article has.
     *
     * @throws IllegalArgumentException for a name that is not a facet dimension
     */
    List<FacetCount> facetValues(String dimension);

    SearchResults search(SearchRequest request);

    /**
     * Hands every article matching the request's query, filters and dates to {@code consumer}, in the request's
     * order, copies included, ignoring its page and size. Articles are read in batches, so memory stays constant
     * however many match.
     *
     * @return how many articles were handed over
     */
    long forEachMatch(SearchRequest request, Consumer<Article> consumer);

    /**
     * Names the snapshot of the archive that searches see now: two calls that return the same version see the same
     * articles, so anything computed from one can be reused for the other. Empty when the engine cannot tell
     * cheaply, and then nothing may be reused.
     */
    default Optional<String> snapshotVersion() {
        return Optional.empty();
    }

    /** Article count, date span and publisher count of the whole archive. */
    default ArchiveOverview overview() {
        SearchResults newest = search(new SearchRequest("", Map.of(), null, null, SortOrder.NEWEST, 1, 1));
        SearchResults oldest = search(new SearchRequest("", Map.of(), null, null, SortOrder.OLDEST, 1, 1));
        return new ArchiveOverview(
                newest.total(),
                publicationDate(oldest),
                publicationDate(newest),
                facetValues(IndexFields.PUBLISHER).size());
    }

    private static PublicationDate publicationDate(SearchResults onlyFirst) {
        return onlyFirst.hits().isEmpty()
                ? null
                : onlyFirst.hits().get(0).article().publishedAt();
    }
}
