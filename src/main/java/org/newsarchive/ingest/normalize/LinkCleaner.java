package org.newsarchive.ingest.normalize;

import java.util.ListIterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.newsarchive.article.ArticleImage;

/**
 * Final pass over links and images once the source URL is known.
 *
 * <p>Links to a publisher's tag pages ({@code /tag/关停.html}) are keywords, not reading links: their text is kept,
 * the link dropped, and the tag recorded. Links that are not absolute http(s) (mirror-relative paths, scripts) are
 * unwrapped to their text. Relative image URLs are resolved against the source URL, or dropped when there is none.
 * Stateless and thread-safe.
 */
final class LinkCleaner {

    private static final Pattern BARE_URL = Pattern.compile("^https?://\\S+$");
    private static final Pattern TAG_PATH =
            Pattern.compile("/(?:tag|tags|keyword|keywords|topic)/([^/?#]+?)(?:\\.html?)?/?(?:[?#].*)?$");

    void apply(ArticleDraft draft) {
        ListIterator<Block> blocks = draft.blocks.listIterator();
        while (blocks.hasNext()) {
            Block block = blocks.next();
            if (block.is(Block.Kind.FIGURE)) {
                String source = block.image().url();
                String url = UrlCleaner.isEmbeddedImage(source) ? source : UrlCleaner.resolve(draft.sourceUrl, source);
                if (url == null) {
                    blocks.remove();
                } else if (!url.equals(block.image().url())) {
                    var image = block.image();
                    block.setImage(new ArticleImage(url, image.caption(), image.alt()));
                }
                continue;
            }
            linkBareUrl(block);
            for (Element link : block.content().getElementsByTag("a")) {
                String href = link.attr("href");
                Matcher tag = TAG_PATH.matcher(href);
                if (tag.find() && !link.text().isBlank()) {
                    draft.keywords.add(link.text().strip());
                    link.unwrap();
                } else if (UrlCleaner.absoluteHttp(href) == null || isSiteHome(href)) {
                    link.unwrap();
                }
            }
            block.refreshText();
        }
    }

    /** A paragraph that is only a URL (a video post's body, a source line) becomes a link to it. */
    private static void linkBareUrl(Block block) {
        String text = block.text();
        if (block.is(Block.Kind.PARAGRAPH)
                && block.content().getElementsByTag("a").isEmpty()
                && BARE_URL.matcher(text).matches()
                && UrlCleaner.absoluteHttp(text) != null) {
            block.content().empty().appendElement("a").attr("href", text).text(text);
        }
    }

    private static boolean isSiteHome(String href) {
        int scheme = href.indexOf("://");
        int slash = href.indexOf('/', scheme + 3);
        return slash < 0 || href.substring(slash).equals("/");
    }
}
