package org.newsarchive.search;

import org.jsoup.nodes.Entities;
import org.newsarchive.article.Article;

/**
 * One result: the article (without its body: {@link Article#withoutBody}; {@link SearchService#find} gives the whole
 * article) and its highlighted title and snippet. The highlighted strings are HTML: the text is
 * escaped and matches are wrapped in {@code <mark>}, in the article's original characters.
 *
 * @param copies how many archived articles are copies of this story, this one included; the others are not listed
 *     as separate hits
 * @param matchedVersion the number of the earlier version whose text matched, when the current one does not have
 *     it; null when the current version matched
 */
public record SearchHit(
        Article article, String titleHighlighted, String snippet, float score, int copies, Integer matchedVersion) {

    /** This hit, found in an earlier version of its article. */
    public SearchHit foundIn(int version) {
        return new SearchHit(article, titleHighlighted, snippet, score, copies, version);
    }

    /**
     * A hit as any engine reports it: the body is dropped; a title the highlighter did not mark is shown escaped, a
     * missing snippet as empty, a missing score as 0 and a missing copy count as 1.
     */
    public static SearchHit of(Article article, String titleHighlighted, String snippet, float score, int copies) {
        return new SearchHit(
                article.withoutBody(),
                titleHighlighted != null ? titleHighlighted : Entities.escape(article.title()),
                snippet != null ? snippet : "",
                Float.isNaN(score) ? 0f : score,
                Math.max(1, copies),
                null);
    }
}
