package org.newsarchive.schema;

/**
 * What became of articles' original URLs, as the index holds it ({@link IndexFields#ORIGINAL}): the engines ask it
 * for each article they index, so that searches filter and facet by it. Its truth lives with the link checks, outside
 * the index; an article is indexed again when a check changes its status. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface OriginalStatuses {

    /** The status of an original never checked, or of an article without one. */
    String UNCHECKED = "unchecked";

    /** For archives whose originals were never checked. */
    OriginalStatuses NONE_CHECKED = sourceUrl -> UNCHECKED;

    /**
     * The status of the original at {@code sourceUrl}, in lower case as URLs and the API write it.
     *
     * @param sourceUrl the article's source URL, null when it has none
     */
    String statusOf(String sourceUrl);
}
