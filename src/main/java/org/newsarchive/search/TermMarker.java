package org.newsarchive.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.analysis.FoldedText;
import org.newsarchive.query.ParsedQuery;
import org.newsarchive.query.QuerySyntax;

/**
 * Marks a query's terms and phrases in an article being read, so a reader arriving from the results sees where
 * they match. Matching is done on folded text, as in the index: a search in simplified characters marks the
 * traditional original, and full-width or upper-case forms match too. Terms the query excludes or limits to other
 * fields are not marked. Thread-safe.
 */
public final class TermMarker {

    private static final int MAX_TERMS = 20;

    private final ChineseAnalysis analysis;

    public TermMarker(ChineseAnalysis analysis) {
        this.analysis = analysis;
    }

    /**
     * The sanitized article HTML with {@code <mark>} around every occurrence of the query's terms; the HTML
     * unchanged when the query has none.
     */
    public String mark(String html, String query) {
        List<String> terms = foldedTerms(query);
        if (terms.isEmpty()) {
            return html;
        }
        Document document = Jsoup.parseBodyFragment(html);
        List<TextNode> textNodes = new ArrayList<>();
        NodeTraversor.traverse(
                (NodeVisitor) (node, depth) -> {
                    if (node instanceof TextNode text && !text.isBlank()) {
                        textNodes.add(text);
                    }
                },
                document.body());
        textNodes.forEach(text -> markIn(text, terms));
        return document.body().html();
    }

    /** The query's terms and phrases that the text must hold, folded, longest first; none for an empty query. */
    static List<String> foldedTerms(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        ParsedQuery parsed = QuerySyntax.parse(query);
        return parsed.groups().stream()
                .flatMap(List::stream)
                .filter(clause -> clause.field() == null || clause.field().equals("title"))
                .map(clause -> ChineseAnalysis.fold(clause.text()).strip())
                .filter(term -> !term.isEmpty())
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .limit(MAX_TERMS)
                .toList();
    }

    /** Splits one text node into plain text and marked matches, longest terms first, without overlaps. */
    private void markIn(TextNode textNode, List<String> terms) {
        String original = textNode.getWholeText();
        FoldedText folded = analysis.foldTracked(original);
        List<int[]> matches = new ArrayList<>();
        for (String term : terms) {
            for (int at = folded.folded().indexOf(term);
                    at >= 0;
                    at = folded.folded().indexOf(term, at + 1)) {
                int start = folded.originalOffset(at);
                int end = folded.originalOffset(at + term.length());
                if (end > start && matches.stream().noneMatch(m -> m[0] < end && start < m[1])) {
                    matches.add(new int[] {start, end});
                }
            }
        }
        if (matches.isEmpty()) {
            return;
        }
        matches.sort(Comparator.comparingInt(m -> m[0]));
        List<Node> replacement = new ArrayList<>();
        int position = 0;
        for (int[] match : matches) {
            if (match[0] > position) {
                replacement.add(new TextNode(original.substring(position, match[0])));
            }
            replacement.add(new Element("mark").text(original.substring(match[0], match[1])));
            position = match[1];
        }
        if (position < original.length()) {
            replacement.add(new TextNode(original.substring(position)));
        }
        for (Node node : replacement) {
            textNode.before(node);
        }
        textNode.remove();
    }
}
