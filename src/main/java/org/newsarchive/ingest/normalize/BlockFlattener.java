package org.newsarchive.ingest.normalize;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.newsarchive.article.ArticleImage;

/**
 * Flattens arbitrary, often broken article markup into a flat list of {@link Block}s.
 *
 * <p>Nesting is not meaningful in mirrored pages (unclosed {@code <p>} inside {@code <p>}, paragraphs inside ad
 * {@code <center>}s), so every block-level boundary simply ends the current paragraph. Only a small set of inline
 * formatting is copied; any other element is transparent, except non-standard tags with an {@code href} (such as a
 * mirror's {@code <ok href>}), which become links. Images become figures. The text right after an image, on its
 * line, becomes its caption when it reads like one ({@link Captions}); so does the next line when it is in
 * caption markup ({@code 图：…}), and the text of a caption element. Junk elements are skipped whole. Thread-safe:
 * each call uses its own state.
 */
final class BlockFlattener {

    private static final Set<String> BLOCK_TAGS = Set.of(
            "p",
            "div",
            "center",
            "section",
            "article",
            "header",
            "footer",
            "main",
            "aside",
            "ul",
            "ol",
            "dl",
            "dt",
            "dd",
            "figure",
            "address",
            "pre",
            "details",
            "summary",
            "body",
            "html",
            "blockquote",
            "fieldset",
            "hgroup",
            "menu",
            "caption",
            "tr",
            "td",
            "th");

    private static final Map<String, String> INLINE_TAGS = Map.ofEntries(
            Map.entry("a", "a"),
            Map.entry("strong", "strong"),
            Map.entry("b", "strong"),
            Map.entry("em", "em"),
            Map.entry("i", "em"),
            Map.entry("cite", "em"),
            Map.entry("u", "u"),
            Map.entry("s", "s"),
            Map.entry("del", "s"),
            Map.entry("strike", "s"),
            Map.entry("sub", "sub"),
            Map.entry("sup", "sup"),
            Map.entry("code", "code"));

    /** WordPress's alt text for an image that has none ("this image's alt attribute is empty; its file is …"). */
    private static final String EMPTY_ALT_NOTICE = "此图像的alt属性为空";

    private static final String SENTENCE_END = "。！？!?；;：:…」』”）)】";

    List<Block> flatten(Element root) {
        Run run = new Run();
        NodeTraversor.filter(run, root);
        run.flush();
        return run.blocks;
    }

    private static final class Run implements NodeFilter {

        private final List<Block> blocks = new ArrayList<>();
        private final Deque<Element[]> openInline = new ArrayDeque<>();
        private final Deque<Element> contexts = new ArrayDeque<>();
        private Element current;
        private int lastChar;
        private int quoteDepth;
        private Block captionFigure;
        private StringBuilder caption;
        /** The caption being read started on the line after its image: only caption markup makes it a caption. */
        private boolean captionOnNextLine;

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                appendText(text.getWholeText());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element element) || depth == 0) {
                return FilterResult.CONTINUE;
            }
            if (JunkElements.isJunk(element)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            String tag = element.normalName();
            if (isCaptionElement(element) && captionTarget() != null) {
                endCaption();
                captionTarget().setImage(captionTarget().image().withCaption(normalize(element.wholeText())));
                return FilterResult.SKIP_ENTIRELY;
            }
            switch (tag) {
                case "img" -> {
                    startFigure(element);
                    return FilterResult.SKIP_ENTIRELY;
                }
                case "br" -> {
                    lineBreak(element.hasClass(MarkdownRenderer.SOFT_BREAK_CLASS));
                    return FilterResult.SKIP_ENTIRELY;
                }
                case "hr" -> {
                    flush();
                    blocks.add(Block.rule());
                    return FilterResult.SKIP_ENTIRELY;
                }
                case "table" -> {
                    flush();
                    addTable(element);
                    return FilterResult.SKIP_ENTIRELY;
                }
                default -> {}
            }
            if (isHeading(tag) || tag.equals("li")) {
                flush();
                contexts.push(element);
            } else if (tag.equals("blockquote")) {
                flush();
                quoteDepth++;
            } else if (BLOCK_TAGS.contains(tag)) {
                flush();
            } else {
                openInline(element, tag);
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (!(node instanceof Element element) || depth == 0) {
                return FilterResult.CONTINUE;
            }
            String tag = element.normalName();
            if (isHeading(tag) || tag.equals("li")) {
                flush();
                if (!contexts.isEmpty() && contexts.peek() == element) {
                    contexts.pop();
                }
            } else if (tag.equals("blockquote")) {
                flush();
                quoteDepth = Math.max(0, quoteDepth - 1);
            } else if (BLOCK_TAGS.contains(tag)) {
                flush();
            } else if (!openInline.isEmpty() && openInline.peek()[0] == element) {
                openInline.pop();
            }
            return FilterResult.CONTINUE;
        }

        private void appendText(String text) {
            while (caption != null) {
                int newline = text.indexOf('\n');
                if (newline < 0) {
                    caption.append(text);
                    return;
                }
                String firstLine = text.substring(0, newline);
                caption.append(firstLine);
                text = text.substring(newline + 1);
                if (!caption.toString().isBlank()) {
                    endCaption();
                }
            }
            if (current == null && TextNormalizer.strip(text).isEmpty()) {
                return;
            }
            target().appendChild(new TextNode(text));
            trackLastChar(text);
        }

        private void openInline(Element source, String tag) {
            String outputTag = INLINE_TAGS.get(tag);
            if (outputTag == null && !source.attr("href").isBlank()) {
                outputTag = "a";
            }
            if (outputTag == null) {
                return;
            }
            endCaption();
            Element clone = new Element(outputTag);
            if (outputTag.equals("a")) {
                clone.attr("href", source.attr("href").strip());
            }
            target().appendChild(clone);
            openInline.push(new Element[] {source, clone});
        }

        private Element target() {
            if (current == null) {
                current = new Element(containerTag());
            }
            return openInline.isEmpty() ? current : openInline.peek()[1];
        }

        private String containerTag() {
            Element context = contexts.peek();
            if (context == null) {
                return "p";
            }
            if (context.nameIs("li")) {
                return "li";
            }
            int level = context.normalName().charAt(1) - '0';
            return "h" + Math.min(4, Math.max(2, level));
        }

        private Block.Kind containerKind(Element container) {
            return switch (container.normalName()) {
                case "li" -> Block.Kind.LIST_ITEM;
                case "p" -> Block.Kind.PARAGRAPH;
                default -> Block.Kind.HEADING;
            };
        }

        private void lineBreak(boolean soft) {
            if (caption != null) {
                if (caption.toString().isBlank() && soft && !captionOnNextLine) {
                    captionOnNextLine = true;
                } else if (!caption.toString().isBlank() || soft) {
                    endCaption();
                }
                return;
            }
            if (soft && !endsSentenceOrCjk(lastChar)) {
                if (current != null) {
                    target().appendChild(new TextNode(" "));
                }
                return;
            }
            flush();
        }

        private void startFigure(Element img) {
            String url = UrlCleaner.imageSource(img);
            if (url == null) {
                return;
            }
            flush();
            String alt = img.attr("alt").strip();
            if (alt.startsWith(EMPTY_ALT_NOTICE)) {
                alt = "";
            }
            Block figure = Block.figure(new ArticleImage(url, null, alt.isEmpty() ? null : alt));
            blocks.add(figure);
            captionFigure = figure;
            caption = new StringBuilder();
            captionOnNextLine = false;
        }

        private void endCaption() {
            if (caption == null) {
                return;
            }
            String text = normalize(caption.toString());
            Block figure = captionFigure;
            caption = null;
            captionFigure = null;
            if (text.isEmpty()) {
                return;
            }
            boolean isCaption = captionOnNextLine ? Captions.isMarkedCaption(text) : Captions.looksLikeCaption(text);
            if (isCaption && figure.image().caption() == null) {
                figure.setImage(figure.image().withCaption(text));
            } else {
                target().appendChild(new TextNode(text));
                trackLastChar(text);
            }
        }

        private Block captionTarget() {
            if (blocks.isEmpty() || current != null) {
                return null;
            }
            Block last = blocks.get(blocks.size() - 1);
            return last.is(Block.Kind.FIGURE) && last.image().caption() == null ? last : null;
        }

        private void addTable(Element table) {
            Block block = TableBlocks.of(table, quoteDepth > 0);
            if (block != null) {
                blocks.add(block);
            }
        }

        void flush() {
            endCaption();
            if (current != null) {
                TextNormalizer.joinWhitespace(current);
                boolean ordered = current.nameIs("li")
                        && contexts.peek() != null
                        && contexts.peek().parent() != null
                        && contexts.peek().parent().nameIs("ol");
                Block block = new Block(containerKind(current), current, quoteDepth > 0, ordered, null);
                if (!block.text().isEmpty()) {
                    blocks.add(block);
                }
            }
            current = null;
            lastChar = 0;
            openInline.clear();
        }

        /** Remembers the last code point of {@code text} that is not a space, whole even beyond the BMP. */
        private void trackLastChar(String text) {
            for (int i = text.length(); i > 0; ) {
                int codePoint = text.codePointBefore(i);
                if (!TextNormalizer.isSpace((char) codePoint) || Character.isSupplementaryCodePoint(codePoint)) {
                    lastChar = codePoint;
                    return;
                }
                i -= Character.charCount(codePoint);
            }
        }

        private static boolean endsSentenceOrCjk(int codePoint) {
            return codePoint != 0 && (TextNormalizer.isCjk(codePoint) || SENTENCE_END.indexOf(codePoint) >= 0);
        }

        private static boolean isHeading(String tag) {
            return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
        }

        private static boolean isCaptionElement(Element element) {
            return element.nameIs("figcaption")
                    || element.className().toLowerCase(Locale.ROOT).contains("caption");
        }

        private static String normalize(String text) {
            Element holder = new Element("p").appendChild(new TextNode(text));
            TextNormalizer.joinWhitespace(holder);
            return TextNormalizer.blockText(holder);
        }
    }
}
