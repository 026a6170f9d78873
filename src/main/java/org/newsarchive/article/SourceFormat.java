package org.newsarchive.article;

/** The layout family a source file was recognized as. */
public enum SourceFormat {
    /** YAML front matter over an HTML body (Jekyll/Hexo posts made from feeds). */
    FRONT_MATTER_HTML,
    /** YAML front matter over a Markdown body. */
    FRONT_MATTER_MARKDOWN,
    /** Markdown that embeds raw HTML fragments (mirror-script pages). */
    MARKDOWN_WITH_HTML,
    MARKDOWN,
    HTML,
    PLAIN_TEXT
}
