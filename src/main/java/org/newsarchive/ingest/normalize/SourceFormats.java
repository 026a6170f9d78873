package org.newsarchive.ingest.normalize;

import java.util.regex.Pattern;
import org.newsarchive.article.SourceFormat;

/** Names the layout family of a file from its front matter and body markup. Stateless and thread-safe. */
final class SourceFormats {

    private static final Pattern HTML_BLOCK =
            Pattern.compile("(?i)<(?:div|p|span|img|br|table|center|ul|ol|h[1-6])[\\s>/]");
    private static final Pattern MARKDOWN =
            Pattern.compile("(?m)^\\s{0,3}(?:#{1,6}\\s|[-*+]\\s|>\\s|!?\\[[^\\]]*]\\(|-{3,}\\s*$)");

    private SourceFormats() {}

    static SourceFormat detect(FrontMatterParser.Split split) {
        String body = split.body();
        boolean html = HTML_BLOCK.matcher(body).find();
        boolean markdown = MARKDOWN.matcher(body).find();
        if (split.frontMatter().isPresent()) {
            return html ? SourceFormat.FRONT_MATTER_HTML : SourceFormat.FRONT_MATTER_MARKDOWN;
        }
        if (html) {
            return markdown ? SourceFormat.MARKDOWN_WITH_HTML : SourceFormat.HTML;
        }
        return markdown ? SourceFormat.MARKDOWN : SourceFormat.PLAIN_TEXT;
    }
}
