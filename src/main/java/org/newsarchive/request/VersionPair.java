package org.newsarchive.request;

import java.util.regex.Pattern;
import org.newsarchive.article.Article;
import org.newsarchive.version.ArticleHistory;

/**
 * The two versions of an article a comparison asks for, as {@code from} and {@code to}, each a version number or the
 * SHA-256 of the version's file (numbers grow when older copies turn up; a hash names a version for good); by
 * default the version before the current one and the current one (the current one with itself for an article with
 * one version).
 */
public record VersionPair(Article from, Article to) {

    private static final Pattern SHA_256 = Pattern.compile("[0-9a-fA-F]{64}");

    /**
     * The versions named by {@code from} and {@code to}, either absent for its default.
     *
     * @throws InvalidParameterException for a value that names no version of this article, by number or by hash
     */
    public static VersionPair parse(ArticleHistory history, String from, String to) {
        int count = history.versions().size();
        int older = from == null || from.isBlank() ? Math.max(1, count - 1) : number("from", from, history);
        int newer = to == null || to.isBlank() ? count : number("to", to, history);
        return new VersionPair(
                history.version(older).orElseThrow(), history.version(newer).orElseThrow());
    }

    /**
     * The version number {@code value} gives: a number from 1, or the SHA-256 of a version's file, which names that
     * version for good while its number can grow when an older copy turns up later.
     *
     * @throws InvalidParameterException naming {@code parameter} when it is no number or hash of a version of the
     *     article
     */
    public static int number(String parameter, String value, ArticleHistory history) {
        int count = history.versions().size();
        String range = count == 1 ? "the article has one version, 1" : "must be from 1 to " + count;
        String given = value == null ? "" : value.strip();
        if (SHA_256.matcher(given).matches()) {
            return history.versions().stream()
                    .filter(version -> version.provenance().sha256().equalsIgnoreCase(given))
                    .mapToInt(Article::version)
                    .findFirst()
                    .orElseThrow(() -> new InvalidParameterException(
                            parameter, "no version of this article has the SHA-256 " + given));
        }
        try {
            int number = Integer.parseInt(given);
            if (number >= 1 && number <= count) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below, with the range.
        }
        throw new InvalidParameterException(
                parameter, range + ", or be the SHA-256 of a version's file; was: " + value);
    }
}
