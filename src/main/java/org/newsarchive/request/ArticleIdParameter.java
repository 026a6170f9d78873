package org.newsarchive.request;

import org.newsarchive.article.ArticleIds;

/** An article id as clients send it in a path: checked before any lookup, so a malformed one is simply not found. */
public final class ArticleIdParameter {

    private ArticleIdParameter() {}

    /**
     * The id, when it is one the archive could have given.
     *
     * @throws NotFoundException for anything else, such as a path traversal attempt
     */
    public static String require(String id) {
        if (!ArticleIds.isWellFormed(id)) {
            throw new NotFoundException("no article " + id + "; ids are 16 hexadecimal characters");
        }
        return id;
    }
}
