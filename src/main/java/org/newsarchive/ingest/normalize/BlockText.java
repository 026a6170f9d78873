package org.newsarchive.ingest.normalize;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/** Text edits on a block's markup that keep its inline formatting. Stateless and thread-safe. */
final class BlockText {

    private BlockText() {}

    /**
     * Removes the first {@code count} characters of the block's text (as {@link Block#text()} counts them, after
     * leading spaces), then any spaces that follow, and refreshes the block.
     */
    static void removeLeading(Block block, int count) {
        List<TextNode> nodes = textNodes(block.content());
        int remaining = count;
        boolean started = false;
        for (TextNode node : nodes) {
            String text = node.getWholeText();
            if (!started) {
                String stripped = stripLeading(text);
                if (stripped.isEmpty()) {
                    node.text("");
                    continue;
                }
                text = stripped;
                started = true;
            }
            if (remaining > 0) {
                int cut = Math.min(remaining, text.length());
                text = text.substring(cut);
                remaining -= cut;
            }
            if (remaining == 0) {
                node.text(stripLeading(text));
                if (!node.getWholeText().isEmpty()) {
                    break;
                }
            } else {
                node.text(text);
            }
        }
        removeEmptyInlines(block.content());
        block.refreshText();
    }

    /** Removes the last {@code count} characters of the block's text, then trailing spaces, and refreshes it. */
    static void removeTrailing(Block block, int count) {
        List<TextNode> nodes = textNodes(block.content());
        int remaining = count;
        boolean started = false;
        for (int i = nodes.size() - 1; i >= 0; i--) {
            TextNode node = nodes.get(i);
            String text = node.getWholeText();
            if (!started) {
                String stripped = stripTrailing(text);
                if (stripped.isEmpty()) {
                    node.text("");
                    continue;
                }
                text = stripped;
                started = true;
            }
            int cut = Math.min(remaining, text.length());
            text = text.substring(0, text.length() - cut);
            remaining -= cut;
            node.text(remaining == 0 ? stripTrailing(text) : text);
            if (remaining == 0 && !node.getWholeText().isEmpty()) {
                break;
            }
        }
        removeEmptyInlines(block.content());
        block.refreshText();
    }

    private static List<TextNode> textNodes(Element root) {
        List<TextNode> nodes = new ArrayList<>();
        NodeTraversor.traverse(
                (Node node, int depth) -> {
                    if (node instanceof TextNode text) {
                        nodes.add(text);
                    }
                },
                root);
        return nodes;
    }

    private static void removeEmptyInlines(Element root) {
        for (Element element : root.getAllElements()) {
            if (element != root && !element.nameIs("br") && element.wholeText().isEmpty()) {
                element.remove();
            }
        }
    }

    private static String stripLeading(String text) {
        int i = 0;
        while (i < text.length() && TextNormalizer.isSpace(text.charAt(i))) {
            i++;
        }
        return text.substring(i);
    }

    private static String stripTrailing(String text) {
        int end = text.length();
        while (end > 0 && TextNormalizer.isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
