package org.newsarchive.request;

import org.newsarchive.article.Article;
import org.newsarchive.version.ArticleHistory;

/**
 * The two versions of an article a comparison asks for, as {@code from} and {@code to} version numbers; by default
 * the version before the current one and the current one (the current one with itself for an article with one
 * version).
 */
public record VersionPair(Article from, Article to) {

    /**
     * The versions named by {@code from} and {@code to}, either absent for its default.
     *
     * @throws InvalidParameterException for a value that is not the number of a version of this article
     */
    public static VersionPair parse(ArticleHistory history, String from, String to) {
        int count = history.versions().size();
        int older = from == null || from.isBlank() ? Math.max(1, count - 1) : number("from", from, history);
        int newer = to == null || to.isBlank() ? count : number("to", to, history);
        return new VersionPair(
                history.version(older).orElseThrow(), history.version(newer).orElseThrow());
    }

    /**
     * The version number {@code value} gives.
     *
     * @throws InvalidParameterException naming {@code parameter} when it is no number of a version of the article
     */
    public static int number(String parameter, String value, ArticleHistory history) {
        int count = history.versions().size();
        String range = count == 1 ? "the article has one version, 1" : "must be from 1 to " + count;
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= 1 && number <= count) {
                return number;
            }
        } catch (NumberFormatException | NullPointerException notANumber) {
            // Reported below, with the range.
        }
        throw new InvalidParameterException(parameter, range + ", was: " + value);
    }
}
