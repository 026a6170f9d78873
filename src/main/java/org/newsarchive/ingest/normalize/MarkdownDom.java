package org.newsarchive.ingest.normalize;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.BulletListItem;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCaption;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Builds the DOM of a Markdown document straight from Flexmark's syntax tree, the DOM that rendering it to HTML and
 * parsing that with jsoup would give, without the HTML in between. That render and re-parse was a quarter of
 * normalizing a Markdown file.
 *
 * <p>Only the node types of plain Markdown are built: paragraphs, headings, quotes, lists, code, rules, tables,
 * emphasis, links, images, entities and line breaks. A document holding anything else (embedded HTML, HTML comments,
 * reference links) gives {@code null}, and the caller renders it through HTML as before, so the result never
 * depends on which path was taken. Emphasis markers that CommonMark could not pair are dropped from the text here,
 * with the rule of {@link MarkdownRenderer#withoutLeftoverEmphasis}, which the HTML path applies too. Stateless and thread-safe.
 */
final class MarkdownDom {

    private MarkdownDom() {}

    /** The body element of the document's DOM, or {@code null} when the document needs the HTML path. */
    static Element body(Document document) {
        org.jsoup.nodes.Document dom = org.jsoup.nodes.Document.createShell("");
        try {
            appendChildren(document, dom.body());
        } catch (NeedsHtml needsHtml) {
            return null;
        }
        return dom.body();
    }

    /** A node type this builder does not build: the document goes through the HTML renderer. */
    private static final class NeedsHtml extends RuntimeException {
        private static final NeedsHtml INSTANCE = new NeedsHtml();

        private NeedsHtml() {
            super(null, null, false, false);
        }
    }

    private static void appendChildren(Node node, Element parent) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            append(child, parent);
        }
    }

    /** Node types built as one element holding their children's DOM. */
    private static final Map<Class<? extends Node>, String> CONTAINERS = Map.ofEntries(
            Map.entry(Paragraph.class, "p"),
            Map.entry(StrongEmphasis.class, "strong"),
            Map.entry(Emphasis.class, "em"),
            Map.entry(Strikethrough.class, "del"),
            Map.entry(BlockQuote.class, "blockquote"),
            Map.entry(BulletList.class, "ul"),
            Map.entry(OrderedList.class, "ol"),
            Map.entry(BulletListItem.class, "li"),
            Map.entry(OrderedListItem.class, "li"),
            Map.entry(TableBlock.class, "table"),
            Map.entry(TableHead.class, "thead"),
            Map.entry(TableBody.class, "tbody"),
            Map.entry(TableRow.class, "tr"),
            Map.entry(TableCaption.class, "caption"));

    private static void append(Node node, Element parent) {
        String container = CONTAINERS.get(node.getClass());
        if (container != null) {
            appendChildren(node, parent.appendElement(container));
        } else if (node instanceof Text || node instanceof TextBase && !node.hasChildren()) {
            text(parent, node.getChars().unescape());
        } else if (node instanceof TextBase) {
            appendChildren(node, parent);
        } else if (node instanceof SoftLineBreak) {
            parent.appendElement("br").addClass(MarkdownRenderer.SOFT_BREAK_CLASS);
            text(parent, "\n");
        } else if (node instanceof HardLineBreak) {
            parent.appendElement("br");
            text(parent, "\n");
        } else if (node instanceof HtmlEntity) {
            text(parent, node.getChars().unescape());
        } else if (node instanceof Heading heading) {
            appendChildren(node, parent.appendElement("h" + heading.getLevel()));
        } else if (node instanceof TableCell cell) {
            appendChildren(node, parent.appendElement(cell.isHeader() ? "th" : "td"));
        } else if (node instanceof Code code) {
            text(parent.appendElement("code"), code.getText().toString().replaceAll("\\s+", " "));
        } else if (node instanceof Image image) {
            Element img = parent.appendElement("img").attr("src", image.getUrl().unescape());
            img.attr("alt", new TextCollectingVisitor().collectAndGetText(image));
            if (image.getTitle().isNotEmpty()) {
                img.attr("title", image.getTitle().unescape());
            }
        } else if (node instanceof Link link) {
            Element a = parent.appendElement("a").attr("href", link.getUrl().unescape());
            if (link.getTitle().isNotEmpty()) {
                a.attr("title", link.getTitle().unescape());
            }
            appendChildren(node, a);
        } else if (node instanceof AutoLink link) {
            String url = link.getText().unescape();
            text(parent.appendElement("a").attr("href", url), url);
        } else if (node instanceof MailLink mail) {
            String address = mail.getText().unescape();
            text(parent.appendElement("a").attr("href", "mailto:" + address), address);
        } else if (node instanceof FencedCodeBlock code) {
            text(
                    parent.appendElement("pre").appendElement("code"),
                    code.getContentChars().normalizeEOL());
        } else if (node instanceof ThematicBreak) {
            parent.appendElement("hr");
        } else if (!(node instanceof Reference || node instanceof TableSeparator)) {
            // Reference definitions and table separators render as nothing; anything else needs the HTML path.
            throw NeedsHtml.INSTANCE;
        }
    }

    /**
     * Appends text, joined to a text node just before it, as the HTML parser would have made one node of both; runs
     * of asterisks are dropped from the joined text, so that a run split across two nodes goes too.
     */
    private static void text(Element parent, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (parent.childNodeSize() > 0 && parent.childNode(parent.childNodeSize() - 1) instanceof TextNode last) {
            last.text(MarkdownRenderer.withoutLeftoverEmphasis(last.getWholeText() + text));
        } else {
            parent.appendChild(new TextNode(MarkdownRenderer.withoutLeftoverEmphasis(text)));
        }
    }
}
