package org.newsarchive.article;

/**
 * Where a publication date was read from, in order of trust: an earlier constant wins over a later one when a file
 * holds several dates.
 */
public enum DateSource {
    FRONT_MATTER,
    EMBEDDED_TIMESTAMP,
    BYLINE,
    DATELINE,
    SOURCE_URL_PATH,
    /** Month of the article's image uploads: evidence, not a statement, so the date is marked inferred. */
    IMAGE_UPLOAD_PATH
}
