package org.newsarchive.ingest.normalize;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.newsarchive.article.ArticleImage;

/**
 * Writes the cleaned blocks as the article's two renderings: sanitized HTML and plain text.
 *
 * <p>The HTML holds only paragraphs, subheadings, figures with captions, lists, tables, block quotes, links and
 * emphasis, and passes a jsoup {@link Safelist} as a last guarantee that no script, event handler or
 * {@code javascript:} URL survives. Images are lazy and send no referrer. The text has one paragraph per block,
 * separated by blank lines, then the images' captions, one per paragraph: so a reader who quotes a caption finds
 * the article, while summaries, which begin the text, still begin with its prose. Stateless and thread-safe.
 */
final class BodyWriter {

    /**
     * The rendered body.
     *
     * @param html the sanitized HTML
     * @param text the prose, then the captions
     * @param prose the text without captions: what the article says in its own words, which identifies it and sets
     *     its reading time
     */
    record Body(String html, String text, String prose) {}

    private static final Safelist ARTICLE_MARKUP = Safelist.none()
            .addTags(
                    "p",
                    "h2",
                    "h3",
                    "h4",
                    "figure",
                    "figcaption",
                    "img",
                    "ul",
                    "ol",
                    "li",
                    "table",
                    "thead",
                    "tbody",
                    "tfoot",
                    "tr",
                    "th",
                    "td",
                    "caption",
                    "blockquote",
                    "a",
                    "strong",
                    "em",
                    "u",
                    "s",
                    "sub",
                    "sup",
                    "code",
                    "br")
            .addAttributes("a", "href")
            .addAttributes("img", "src", "alt", "loading", "referrerpolicy")
            .addAttributes("th", "colspan", "rowspan")
            .addAttributes("td", "colspan", "rowspan")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addProtocols("img", "src", "http", "https")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");

    private static final Cleaner CLEANER = new Cleaner(ARTICLE_MARKUP);

    Body write(List<Block> blocks) {
        Document document = Document.createShell("");
        Element body = document.body();
        Element openList = null;
        Element openQuote = null;
        StringBuilder text = new StringBuilder();
        Set<String> captions = new LinkedHashSet<>();
        for (Block block : blocks) {
            if (!block.is(Block.Kind.LIST_ITEM)) {
                openList = null;
            }
            if (!block.quoted()) {
                openQuote = null;
            }
            Element parent = body;
            if (block.quoted()) {
                openQuote = openQuote != null ? openQuote : body.appendElement("blockquote");
                parent = openQuote;
            }
            switch (block.kind()) {
                case FIGURE -> {
                    parent.appendChild(figure(block.image()));
                    if (block.image().caption() != null
                            && !block.image().caption().isBlank()) {
                        captions.add(block.image().caption().strip());
                    }
                }
                case LIST_ITEM -> {
                    String listTag = block.ordered() ? "ol" : "ul";
                    if (openList == null || !openList.nameIs(listTag)) {
                        openList = parent.appendElement(listTag);
                    }
                    openList.appendChild(block.content());
                }
                case RULE -> {}
                default -> parent.appendChild(block.content());
            }
            if (!block.text().isEmpty()) {
                text.append(block.text()).append("\n\n");
            }
        }
        Element clean = CLEANER.clean(document).body();
        clean.getElementsByTag("img").attr("loading", "lazy").attr("referrerpolicy", "no-referrer");
        document.outputSettings().prettyPrint(false);
        clean.ownerDocument().outputSettings().prettyPrint(false);
        String prose = text.toString().strip();
        for (String caption : captions) {
            text.append(caption).append("\n\n");
        }
        return new Body(clean.html(), text.toString().strip(), prose);
    }

    private static Element figure(ArticleImage image) {
        Element figure = new Element("figure");
        Element img = figure.appendElement("img").attr("src", image.url());
        if (image.alt() != null) {
            img.attr("alt", image.alt());
        }
        if (image.caption() != null) {
            figure.appendElement("figcaption").text(image.caption());
        }
        return figure;
    }
}
