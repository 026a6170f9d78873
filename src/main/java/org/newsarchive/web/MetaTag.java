package org.newsarchive.web;

/**
 * One {@code <meta>} element of a page's head: {@code name} for Highwire, Dublin Core and description tags,
 * {@code property} for Open Graph. Exactly one of the two is set.
 */
public record MetaTag(String name, String property, String content) {

    public static MetaTag named(String name, String content) {
        return new MetaTag(name, null, content);
    }

    public static MetaTag property(String property, String content) {
        return new MetaTag(null, property, content);
    }
}
