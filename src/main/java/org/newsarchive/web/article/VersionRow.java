package org.newsarchive.web.article;

import java.util.ArrayList;
import java.util.List;
import org.newsarchive.article.Article;
import org.newsarchive.version.ArticleHistory;
import org.newsarchive.version.VersionSummary;

/** One line of an article page's list of versions: the version, and what it changed from the one before. */
public record VersionRow(Article version, VersionSummary change) {

    /** The rows of every version, newest first, as a history page lists them. */
    static List<VersionRow> of(ArticleHistory history) {
        List<VersionRow> rows = new ArrayList<>();
        for (Article version : history.versions()) {
            rows.add(0, new VersionRow(version, VersionSummary.of(history, version.version())));
        }
        return List.copyOf(rows);
    }
}
