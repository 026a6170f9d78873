package org.newsarchive.request;

import java.util.regex.Pattern;

/** Article ids as clients send them in paths: checked before any lookup, so a malformed one is simply not found. */
public final class ArticleIds {

    private static final Pattern ARTICLE_ID = Pattern.compile("[0-9a-f]{16}");

    private ArticleIds() {}

    /**
     * The id, when it is one the archive could have given.
     *
     * @throws NotFoundException for anything else, such as a path traversal attempt
     */
    public static String require(String id) {
        if (!ARTICLE_ID.matcher(id).matches()) {
            throw new NotFoundException("no article " + id + "; ids are 16 hexadecimal characters");
        }
        return id;
    }
}
