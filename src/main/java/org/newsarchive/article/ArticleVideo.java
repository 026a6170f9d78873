package org.newsarchive.article;

import java.util.Objects;

/**
 * A video of an article, as the mirrored page embedded it: its real (unproxied) address, kept as evidence and shown
 * as a link, so that no third party is contacted until a reader asks for it.
 *
 * @param poster the still image the page showed before playing, or null
 * @param caption visible caption text, or null
 */
public record ArticleVideo(String url, String poster, String caption) {

    public ArticleVideo {
        Objects.requireNonNull(url, "url");
    }
}
