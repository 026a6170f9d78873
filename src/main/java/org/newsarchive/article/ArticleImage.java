package org.newsarchive.article;

import java.util.Objects;

/**
 * An image of an article, with the real (unproxied) URL.
 *
 * @param caption visible caption text, or null
 * @param alt the alternative text given by the source, or null
 */
public record ArticleImage(String url, String caption, String alt) {

    public ArticleImage {
        Objects.requireNonNull(url, "url");
    }

    public ArticleImage withCaption(String newCaption) {
        return new ArticleImage(url, newCaption, alt);
    }
}
