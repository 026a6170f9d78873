package org.newsarchive.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.article.Article;
import org.newsarchive.version.ArticleHistory;

/**
 * Says which earlier version of an article a hit was found in, when its current version does not have the terms:
 * an article is listed once, by its current version, and a reader searching for what it said before it was edited
 * learns where that text is. Both engines use it on the hits of each page. Stateless and thread-safe.
 *
 * <p>A hit whose highlighted title or snippet marks a term matched its current version. Otherwise its versions are
 * read, newest first, and the first earlier one whose folded title and text hold every term (or, failing that,
 * any term) is named. Only hits of articles with several versions are looked at, so a page costs nothing more
 * in an archive without versions.
 */
public final class EarlierMatches {

    private EarlierMatches() {}

    /** The results with each hit found only in an earlier version saying which one. */
    public static SearchResults mark(
            SearchResults results, String query, Function<String, Optional<ArticleHistory>> histories) {
        if (results.hits().stream().noneMatch(EarlierMatches::mayBeEarlier)) {
            return results;
        }
        List<String> terms = TermMarker.foldedTerms(query);
        if (terms.isEmpty()) {
            return results;
        }
        List<SearchHit> hits = new ArrayList<>(results.hits().size());
        for (SearchHit hit : results.hits()) {
            Integer version = mayBeEarlier(hit)
                    ? histories
                            .apply(hit.article().id())
                            .map(history -> earlierWith(history, terms))
                            .orElse(null)
                    : null;
            hits.add(version == null ? hit : hit.foundIn(version));
        }
        return results.withHits(hits);
    }

    private static boolean mayBeEarlier(SearchHit hit) {
        return hit.article().versionCount() > 1
                && !hit.snippet().contains("<mark>")
                && !hit.titleHighlighted().contains("<mark>");
    }

    private static Integer earlierWith(ArticleHistory history, List<String> terms) {
        List<Article> earlier = history.earlier();
        List<String> texts = new ArrayList<>(earlier.size());
        for (Article version : earlier) {
            texts.add(ChineseAnalysis.fold(version.title() + "\n" + version.text()));
        }
        for (boolean everyTerm : new boolean[] {true, false}) {
            for (int i = earlier.size() - 1; i >= 0; i--) {
                String text = texts.get(i);
                boolean holds = everyTerm
                        ? terms.stream().allMatch(text::contains)
                        : terms.stream().anyMatch(text::contains);
                if (holds) {
                    return earlier.get(i).version();
                }
            }
        }
        return null;
    }
}
