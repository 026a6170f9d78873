package org.newsarchive.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.article.Article;

/**
 * What an article is indexed as, whatever the engine: the values of each field of {@link IndexFields}, derived in
 * one place so that the embedded index and SolrCloud hold the same fields with the same values.
 *
 * @param foldedTitle the title as every analysis chain sees it ({@link ChineseAnalysis#fold})
 * @param foldedText the body text, folded likewise
 * @param titleKey the folded title's letters and digits, for exact-title matches
 * @param sites the source URL's host and its parent domains
 * @param dateMillis publication time in epoch milliseconds, or null when unknown
 * @param facets values by facet dimension ({@link IndexFields#FACETS}), stripped, never blank
 * @param foldedFacets the values of each {@link IndexFields#FOLDED_FACETS} dimension, folded, for filters and field
 *     searches that match whatever the script, width or case
 * @param meta the publisher, channel, tags and categories, for plain queries ({@link IndexFields#META})
 * @param simhash the text fingerprint for near-duplicate detection; 0 for texts too short to compare
 */
public record ArticleFields(
        String foldedTitle,
        String foldedText,
        String titleKey,
        Set<String> sites,
        Long dateMillis,
        Map<String, List<String>> facets,
        Map<String, Set<String>> foldedFacets,
        List<String> meta,
        long simhash) {

    /** The fields of an article whose original was never checked. */
    public static ArticleFields of(Article article, ChineseAnalysis analysis) {
        return of(article, analysis, OriginalStatuses.NONE_CHECKED);
    }

    /** The fields of an article, its original's status taken from {@code originals}. */
    public static ArticleFields of(Article article, ChineseAnalysis analysis, OriginalStatuses originals) {
        String foldedTitle = ChineseAnalysis.fold(article.title());
        String foldedText = ChineseAnalysis.fold(article.text());
        Map<String, List<String>> facets = new LinkedHashMap<>();
        Long dateMillis = null;
        if (article.publishedAt() != null) {
            dateMillis = article.publishedAt().sortInstant().toEpochMilli();
            var date = article.publishedAt().date();
            put(facets, IndexFields.YEAR, String.valueOf(date.getYear()));
            put(facets, IndexFields.YEAR_MONTH, String.format("%04d-%02d", date.getYear(), date.getMonthValue()));
        }
        put(facets, IndexFields.PUBLISHER, article.publisher());
        put(facets, IndexFields.CHANNEL, article.channel());
        article.subjectTags().forEach(tag -> put(facets, IndexFields.TAG, tag));
        article.categories().forEach(category -> put(facets, IndexFields.CATEGORY, category));
        put(facets, IndexFields.LANGUAGE, article.language().tag());
        put(facets, IndexFields.ORIGINAL, originals.statusOf(article.sourceUrl()));
        Map<String, Set<String>> foldedFacets = new LinkedHashMap<>();
        List<String> meta = new ArrayList<>();
        for (String dimension : IndexFields.FOLDED_FACETS) {
            for (String value : facets.getOrDefault(dimension, List.of())) {
                foldedFacets
                        .computeIfAbsent(dimension, key -> new LinkedHashSet<>())
                        .add(ChineseAnalysis.foldValue(value));
                meta.add(value);
            }
        }
        return new ArticleFields(
                foldedTitle,
                foldedText,
                analysis.keyOfFolded(foldedTitle),
                hostAndParents(article.sourceUrl()),
                dateMillis,
                facets,
                foldedFacets,
                meta,
                NearDuplicates.simhash(foldedText));
    }

    private static void put(Map<String, List<String>> facets, String dimension, String value) {
        if (value != null && !value.isBlank()) {
            List<String> values = facets.computeIfAbsent(dimension, key -> new ArrayList<>(1));
            String stripped = value.strip();
            if (!values.contains(stripped)) {
                values.add(stripped);
            }
        }
    }

    /** {@code news.example.com} gives itself, {@code example.com}; so {@code site:example.com} finds subdomains. */
    static Set<String> hostAndParents(String url) {
        Set<String> hosts = new LinkedHashSet<>();
        if (url == null) {
            return hosts;
        }
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return hosts;
        }
        int end = scheme + 3;
        while (end < url.length() && "/?#:".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String host = url.substring(scheme + 3, end).toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        while (host.contains(".")) {
            hosts.add(host);
            host = host.substring(host.indexOf('.') + 1);
        }
        return hosts;
    }
}
