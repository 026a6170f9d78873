package org.newsarchive.web.article;

import java.util.Locale;
import org.newsarchive.representation.OriginalRecord;
import org.newsarchive.web.PageFormat;
import org.springframework.context.MessageSource;

/**
 * The sentence the reading page shows under the original link: "Original online on 2026-12-01", "Original gone
 * since 2026-11-02 (HTTP 404)", "Original now redirects to URL"; for a failing check not yet confirmed by a second,
 * what it got. Null for an original never checked, where the page keeps its general warning.
 */
final class OriginalNote {

    private OriginalNote() {}

    static String of(OriginalRecord original, MessageSource messages, PageFormat format, Locale locale) {
        if (original.checkedAt() == null) {
            return null;
        }
        String key = original.status().equals("unchecked") ? "pending" : original.status();
        String answer = original.httpStatus() == null
                ? messages.getMessage("article.original.noAnswer", null, locale)
                : "HTTP " + original.httpStatus();
        Object[] arguments = {
            format.day(original.checkedAt()),
            answer,
            original.finalUrl() == null ? "" : original.finalUrl(),
            format.day(original.goneSince())
        };
        return messages.getMessage("article.original." + key, arguments, locale);
    }
}
