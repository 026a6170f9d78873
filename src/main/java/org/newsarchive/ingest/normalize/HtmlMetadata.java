package org.newsarchive.ingest.normalize;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads the metadata of a complete HTML page (Open Graph, article and Dublin Core meta tags, the canonical link and
 * the {@code <title>}) into the same shape as YAML front matter, so one set of extractors serves both. Stateless
 * and thread-safe.
 */
final class HtmlMetadata {

    private static final Map<String, String> META_TO_FIELD = Map.ofEntries(
            Map.entry("og:title", "title"),
            Map.entry("article:published_time", "date"),
            Map.entry("datepublished", "date"),
            Map.entry("dc.date", "date"),
            Map.entry("pubdate", "date"),
            Map.entry("og:url", "from"),
            Map.entry("author", "author"),
            Map.entry("article:author", "author"),
            Map.entry("keywords", "keywords"),
            Map.entry("news_keywords", "keywords"),
            Map.entry("og:site_name", "site_name"),
            Map.entry("og:image", "headimg"),
            Map.entry("article:section", "categories"),
            Map.entry("article:tag", "tags"));

    private HtmlMetadata() {}

    static FrontMatter read(Document document) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Element canonical = document.selectFirst("link[rel=canonical][href]");
        if (canonical != null) {
            fields.put("from", canonical.attr("href"));
        }
        for (Element meta : document.select("meta[content]")) {
            String name = meta.hasAttr("property") ? meta.attr("property") : meta.attr("name");
            String field = META_TO_FIELD.get(name.toLowerCase(Locale.ROOT));
            if (field != null && !meta.attr("content").isBlank()) {
                fields.putIfAbsent(field, meta.attr("content").strip());
            }
        }
        if (!fields.containsKey("title") && !document.title().isBlank()) {
            fields.put("title", document.title().strip());
        }
        return new FrontMatter(fields);
    }
}
