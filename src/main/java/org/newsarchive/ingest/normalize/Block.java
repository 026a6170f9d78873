package org.newsarchive.ingest.normalize;

import org.jsoup.nodes.Element;
import org.newsarchive.article.ArticleImage;

/**
 * One block of an article body while it is being cleaned: a paragraph, heading, figure, list item, table or rule.
 *
 * <p>Blocks are the working unit of the ingestion stages: boilerplate rules and metadata extractors look at one block
 * at a time and either keep, edit or drop it. {@code content} holds only allowed markup. Mutable and confined to
 * the thread normalizing one file.
 */
final class Block {

    enum Kind {
        PARAGRAPH,
        HEADING,
        FIGURE,
        LIST_ITEM,
        TABLE,
        RULE
    }

    private final Kind kind;
    private final Element content;
    private final boolean quoted;
    private final boolean ordered;
    private ArticleImage image;
    private String text;

    Block(Kind kind, Element content, boolean quoted, boolean ordered, ArticleImage image) {
        this.kind = kind;
        this.content = content;
        this.quoted = quoted;
        this.ordered = ordered;
        this.image = image;
        refreshText();
    }

    static Block rule() {
        return new Block(Kind.RULE, new Element("hr"), false, false, null);
    }

    static Block figure(ArticleImage image) {
        return new Block(Kind.FIGURE, new Element("figure"), false, false, image);
    }

    Kind kind() {
        return kind;
    }

    boolean is(Kind other) {
        return kind == other;
    }

    Element content() {
        return content;
    }

    boolean quoted() {
        return quoted;
    }

    boolean ordered() {
        return ordered;
    }

    ArticleImage image() {
        return image;
    }

    void setImage(ArticleImage image) {
        this.image = image;
    }

    /** Plain text of the block, whitespace already normalized. Empty for figures and rules. */
    String text() {
        return text;
    }

    /** Call after editing {@link #content()} so that {@link #text()} follows. */
    void refreshText() {
        text = kind == Kind.FIGURE || kind == Kind.RULE ? "" : TextNormalizer.blockText(content);
    }

    /** Characters of text inside links, for link-density rules. */
    int linkTextLength() {
        int length = 0;
        for (Element link : content.getElementsByTag("a")) {
            length += link.text().length();
        }
        return length;
    }

    boolean isMostlyLinks(double share) {
        return !text.isEmpty()
                && linkTextLength() >= share * text.replaceAll("[\\s|｜]", "").length();
    }

    /** Characters other than whitespace and the bars that separate navigation links. */
    private static int countMeaningfulChars(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!TextNormalizer.isSpace(c) && c != '|' && c != '｜') {
                count++;
            }
        }
        return count;
    }

    @Override
    public String toString() {
        return kind + (image != null ? "[" + image.url() + "]" : "") + ": " + text;
    }
}
