package org.newsarchive.ingest.normalize;

import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/**
 * Turns mirror Markdown, which freely embeds raw HTML, into the DOM that the normalizing stages read: built from the
 * syntax tree for plain Markdown ({@link MarkdownDom}), through rendered HTML when the file embeds HTML.
 *
 * <p>Before parsing, mirror-script artefacts are repaired: wiki links {@code [[zh:美国国会众议院]]} become their text,
 * split emphasis {@code **2017****年**} is rejoined, and indentation is removed from lines that start with a tag, so
 * that indented HTML is never mistaken for a code block (indented code blocks are off: news has none). Soft line
 * breaks are marked with {@link #SOFT_BREAK_CLASS}, because in Chinese text a single newline usually ends a
 * paragraph while in English it is just a space; the flattener decides. Emphasis markers that CommonMark could not
 * pair are removed from the DOM's text ({@link #withoutLeftoverEmphasis}). Thread-safe: flexmark's parser and renderer
 * are immutable once built.
 */
final class MarkdownRenderer {

    static final String SOFT_BREAK_CLASS = "md-soft-break";
    static final int MAX_QUOTE_DEPTH = 100;

    private static final Pattern WIKI_LINK =
            Pattern.compile("\\[\\[(?:[a-zA-Z-]{2,12}:)?([^\\[\\]|\\n]{1,200}?)(?:\\|([^\\[\\]\\n]{1,200}?))?]]");
    private static final Pattern SPLIT_BOLD = Pattern.compile("(?<=\\S)\\*\\*\\*\\*(?=\\S)");
    private static final Pattern LEFTOVER_EMPHASIS = Pattern.compile("\\*{2,}");
    private static final Pattern INDENTED_TAG_LINE = Pattern.compile("(?m)^[ \\t]+(?=</?[a-zA-Z!])");

    private final Parser parser;
    private final HtmlRenderer renderer;

    MarkdownRenderer() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create()));
        options.set(Parser.INDENTED_CODE_BLOCK_PARSER, false);
        options.set(HtmlRenderer.SOFT_BREAK, "<br class=\"" + SOFT_BREAK_CLASS + "\">\n");
        parser = Parser.builder(options).build();
        renderer = HtmlRenderer.builder(options).build();
    }

    /**
     * The body element of the DOM of {@code markdown}: built straight from the syntax tree when the document is
     * plain Markdown ({@link MarkdownDom}), else parsed by jsoup from the rendered HTML.
     *
     * @throws RefusedFileException when block quotes nest deeper than {@value #MAX_QUOTE_DEPTH} levels: flexmark
     *     walks them recursively, and no article quotes that deep
     */
    Element body(String markdown) {
        Document document = parse(markdown);
        Element body = MarkdownDom.body(document);
        return body != null ? body : bodyThroughHtml(document);
    }

    /** The body element parsed from the rendered HTML, whatever the document holds: the reference for {@link #body}. */
    Element bodyThroughHtml(String markdown) {
        return bodyThroughHtml(parse(markdown));
    }

    private Document parse(String markdown) {
        if (deepestQuote(markdown) > MAX_QUOTE_DEPTH) {
            throw new RefusedFileException(
                    "markup nested too deeply: block quotes more than " + MAX_QUOTE_DEPTH + " levels deep");
        }
        return parser.parse(repairArtefacts(markdown));
    }

    private Element bodyThroughHtml(Document document) {
        Element body = Jsoup.parseBodyFragment(renderer.render(document)).body();
        NodeTraversor.traverse(
                (Node node, int depth) -> {
                    if (node instanceof TextNode text && text.getWholeText().contains("**")) {
                        text.text(withoutLeftoverEmphasis(text.getWholeText()));
                    }
                },
                body);
        return body;
    }

    /**
     * Text without the emphasis markers that CommonMark left in it. Its flanking rules cannot close
     * {@code **编辑：**翼族} or open {@code **1 ****加利福尼亚}: a delimiter run beside Chinese punctuation or spaces
     * does not count, so mirror posts keep literal {@code **} in their text. Runs of two or more asterisks are
     * removed; a single asterisk, which mirrors use to mask a character ({@code *州}), is kept. Both ways of building
     * the DOM apply it to every text node, and only there, so markup and attributes are never touched.
     */
    static String withoutLeftoverEmphasis(String text) {
        return text.contains("**") ? LEFTOVER_EMPHASIS.matcher(text).replaceAll("") : text;
    }

    /** The most {@code >} markers that open any line, spaces between them allowed. */
    static int deepestQuote(String markdown) {
        int deepest = 0;
        int depth = 0;
        boolean lineStart = true;
        for (int i = 0; i < markdown.length(); i++) {
            char c = markdown.charAt(i);
            if (c == '\n') {
                depth = 0;
                lineStart = true;
            } else if (lineStart && c == '>') {
                deepest = Math.max(deepest, ++depth);
            } else if (c != ' ' && c != '\t') {
                lineStart = false;
            }
        }
        return deepest;
    }

    static String repairArtefacts(String markdown) {
        String text = replaceWikiLinks(markdown);
        text = SPLIT_BOLD.matcher(text).replaceAll("");
        return INDENTED_TAG_LINE.matcher(text).replaceAll("");
    }

    private static String replaceWikiLinks(String text) {
        if (!text.contains("[[")) {
            return text;
        }
        Matcher matcher = WIKI_LINK.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            String label = matcher.group(2) != null ? matcher.group(2) : matcher.group(1);
            matcher.appendReplacement(out, Matcher.quoteReplacement(label));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
