package org.newsarchive.solr;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.params.CursorMarkParams;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.query.LikeQuery;
import org.newsarchive.schema.IndexFields;
import org.newsarchive.search.DateRange;
import org.newsarchive.search.FacetOptions;
import org.newsarchive.search.SearchPlan;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchService;
import org.newsarchive.search.SortOrder;
import org.newsarchive.search.StoryCollapse;
import org.newsarchive.search.TitleCompletion;

/**
 * The Solr requests behind each search feature, built from the archive's own requests and nothing else, so that
 * they can be checked without a cluster. The reader's text only ever travels in parameters ({@code $qq},
 * {@code $like}, {@code $key}) read by the archive's query parsers, never inside query syntax; filter values are
 * escaped. Stateless and thread-safe.
 */
final class SolrRequests {

    /**
     * Extra values each shard proposes for a facet's top {@value SearchService#FACET_VALUES}: with long tails of
     * values counted 2 or 3 times, a value split over shards can miss each shard's own top list. Refinement then
     * makes the proposed values' counts exact.
     */
    static final int FACET_OVERREQUEST = 200;
    /** The tag of the page filter, which the copy-count facet drops. */
    static final String PAGE_TAG = "page";
    /** The name of the facet that counts the copies of a page's stories. */
    static final String COPIES = "copies";
    /** The name of the facet of {@link #allValues}. */
    static final String ALL_VALUES = "v";

    private SolrRequests() {}

    /** The stored fields and the cluster of the article with this id. */
    static SolrQuery article(String id) {
        return new SolrQuery(term(IndexFields.ID, id))
                .setFields(SolrDocuments.STORED_FIELDS + "," + IndexFields.CLUSTER)
                .setRows(1);
    }

    /** The article with this id and its earlier versions. */
    static SolrQuery history(String id) {
        return new SolrQuery(term(IndexFields.ID, id))
                .setFields(SolrDocuments.HISTORY_FIELDS)
                .setRows(1);
    }

    /** Every article of a cluster, in id order. */
    static SolrQuery cluster(String cluster) {
        return new SolrQuery(term(IndexFields.CLUSTER, cluster))
                .setFields(SolrDocuments.STORED_FIELDS)
                .setRows(SearchService.MAX_COPIES)
                .setSort(IndexFields.ID, SolrQuery.ORDER.asc);
    }

    /** Candidates for the articles related to one, itself left out, with their clusters. */
    static SolrQuery related(String id, String title, String text, int size) {
        SolrQuery query = new SolrQuery("{!related v=$like}")
                .addFilterQuery("*:* -" + IndexFields.ID + ":" + ClientUtils.escapeQueryChars(id))
                .setFields(SolrDocuments.STORED_FIELDS + "," + IndexFields.CLUSTER)
                .setRows(size * StoryCollapse.RELATED_CANDIDATES_PER_ARTICLE);
        query.set("like", title + "\n" + LikeQuery.lead(text));
        return query;
    }

    /** Titles starting with the folded key of what was typed. */
    static SolrQuery titlesStartingWith(String key, TitleCompletion completion) {
        SolrQuery query = new SolrQuery("{!prefix f=" + IndexFields.TITLE_KEY + " v=$key}");
        query.set("key", key);
        return titles(query, completion);
    }

    /** Titles containing what was typed, as a phrase of the title field. */
    static SolrQuery titlesContaining(TitleCompletion completion) {
        SolrQuery query = new SolrQuery("{!archive part=match v=$qq}");
        query.set("qq", "title:\"" + completion.typed().replace('"', ' ') + "\"");
        return titles(query, completion);
    }

    private static SolrQuery titles(SolrQuery query, TitleCompletion completion) {
        return query.setFields(IndexFields.TITLE).setRows(completion.candidates());
    }

    /** Every value of one facet dimension over the whole archive. */
    static SolrQuery allValues(String dimension) {
        SolrQuery query = new SolrQuery("*:*").setRows(0);
        query.set("json.facet", "{" + ALL_VALUES + ":{type:terms,field:" + dimension + ",limit:-1,sort:'count desc'}}");
        return query;
    }

    /** The ids, clusters and scores of the top {@code depth} matches, with drill-sideways facet counts. */
    static SolrQuery ranked(SearchRequest request, SearchPlan plan, boolean anyTerm) {
        SolrQuery query = filtered(request, plan, matching(anyTerm, false));
        query.setFields(IndexFields.ID, IndexFields.CLUSTER, "score");
        query.set("minExactCount", SearchService.EXACT_TOTAL_LIMIT);
        sortBy(query, request.sort());
        if (request.walksWithCursor()) {
            query.setRows(request.size());
            query.addSort(IndexFields.ID, SolrQuery.ORDER.asc);
            query.set(CursorMarkParams.CURSOR_MARK_PARAM, request.cursor());
        } else {
            query.setRows(request.countsOnly() ? 0 : plan.depth());
        }
        FacetOptions facets = request.facets();
        String limit = facets.size() == FacetOptions.ALL ? "-1" : Integer.toString(facets.size());
        String order = facets.order() == FacetOptions.Order.COUNT ? "'count desc'" : "'index asc'";
        query.set(
                "json.facet",
                IndexFields.FACETS.stream()
                        .map(dimension -> dimension + ":{type:terms,field:" + dimension + ",limit:" + limit
                                + ",sort:" + order + ",refine:true,overrequest:"
                                + FACET_OVERREQUEST + ",domain:{excludeTags:" + dimension + "}}")
                        .collect(Collectors.joining(",", "{", "}")));
        return query;
    }

    /**
     * The records of one page, fetched by id and unscored (the ranking came with {@link #ranked}), with the
     * highlighter on the matching clauses and a facet counting every article of the page's clusters. The facet's
     * domain drops the page's own filter, then keeps those clusters, so one request brings the page, its
     * highlights and its copy counts.
     *
     * @param clusters the clusters of the page's stories, nulls allowed
     */
    static SolrQuery page(String queryText, boolean anyTerm, List<String> ids, List<String> clusters) {
        SolrQuery query = new SolrQuery("*:*");
        query.set("qq", queryText);
        query.addFilterQuery("{!terms f=" + IndexFields.ID + " tag=" + PAGE_TAG + "}" + String.join(",", ids));
        query.setFields(SolrDocuments.RECORD_ONLY).setRows(ids.size());
        highlight(query, anyTerm);
        Set<String> distinct =
                clusters.stream().filter(Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new));
        if (!distinct.isEmpty()) {
            query.set(
                    "json.facet",
                    "{" + COPIES + ":{type:terms,field:" + IndexFields.CLUSTER + ",limit:-1,domain:{excludeTags:"
                            + PAGE_TAG + ",filter:'{!terms f=" + IndexFields.CLUSTER + "}" + String.join(",", distinct)
                            + "'}}}");
        }
        return query;
    }

    /** How many articles have every term of the request's query, within its filters and dates. */
    static SolrQuery count(SearchRequest request, SearchPlan plan) {
        return filtered(request, plan, matching(false, true)).setRows(0);
    }

    /** Every match in the request's order, ties by id, read with a cursor from {@code cursorMark}. */
    static SolrQuery export(SearchRequest request, boolean anyTerm, String cursorMark) {
        SolrQuery query = filtered(request, SearchPlan.of(request), matching(anyTerm, false));
        query.setFields(SolrDocuments.STORED_FIELDS).setRows(SearchService.EXPORT_BATCH);
        sortBy(query, request.sort());
        query.addSort(IndexFields.ID, SolrQuery.ORDER.asc);
        query.set(CursorMarkParams.CURSOR_MARK_PARAM, cursorMark);
        return query;
    }

    /** The archive parser on the request's query text ({@code $qq}); {@code matchOnly} leaves out ranking clauses. */
    static String matching(boolean anyTerm, boolean matchOnly) {
        return "{!archive anyTerm=" + anyTerm + (matchOnly ? " part=match" : "") + " v=$qq}";
    }

    /** The query with the request's text, its facet filters (tagged by dimension) and its date range. */
    static SolrQuery filtered(SearchRequest request, SearchPlan plan, String q) {
        SolrQuery query = new SolrQuery(q);
        query.set("qq", request.query());
        request.filters().forEach((dimension, values) -> {
            if (!IndexFields.FACETS.contains(dimension) || values.isEmpty()) {
                return;
            }
            boolean folded = IndexFields.FOLDED_FACETS.contains(dimension);
            String field = folded ? IndexFields.folded(dimension) : dimension;
            String anyValue = values.stream()
                    .map(value -> field + ":"
                            + ClientUtils.escapeQueryChars(folded ? ChineseAnalysis.foldValue(value) : value))
                    .collect(Collectors.joining(" OR ", "{!tag=" + dimension + "}(", ")"));
            query.addFilterQuery(anyValue);
        });
        if (plan.hasDateRange()) {
            query.addFilterQuery(within(IndexFields.DATE, plan.published()));
        }
        if (plan.hasMirroredRange()) {
            query.addFilterQuery(within(IndexFields.MIRRORED, plan.mirrored()));
        }
        return query;
    }

    /** A range filter on an epoch-millisecond field, an open end as {@code *}. */
    private static String within(String field, DateRange days) {
        long from = days.fromMillis();
        long to = days.toMillis();
        return field + ":[" + (from == Long.MIN_VALUE ? "*" : from) + " TO " + (to == Long.MAX_VALUE ? "*" : to) + "]";
    }

    private static void sortBy(SolrQuery query, SortOrder order) {
        switch (order) {
            case RELEVANCE -> query.setSort("score", SolrQuery.ORDER.desc);
            case NEWEST -> query.setSort(IndexFields.DATE, SolrQuery.ORDER.desc);
            case OLDEST -> query.setSort(IndexFields.DATE, SolrQuery.ORDER.asc);
            case INGESTED -> query.setSort(IndexFields.INGESTED, SolrQuery.ORDER.desc);
            case MIRRORED -> query.setSort(IndexFields.MIRRORED, SolrQuery.ORDER.desc);
        }
    }

    /**
     * The unified highlighter, set up as the embedded index's: the matching clauses only, whole titles, snippets of
     * about {@value SearchService#SNIPPET_LENGTH} characters cut at sentences, escaped HTML with {@code <mark>}.
     */
    private static void highlight(SolrQuery query, boolean anyTerm) {
        query.setHighlight(true);
        query.set("hl.method", "unified");
        query.set("hl.q", matching(anyTerm, true));
        query.set("hl.fl", IndexFields.TITLE + "," + IndexFields.BODY);
        query.set("hl.requireFieldMatch", true);
        query.set("hl.usePhraseHighlighter", true);
        query.set("hl.weightMatches", false);
        query.set("hl.encoder", "html");
        query.set("hl.tag.pre", "<mark>");
        query.set("hl.tag.post", "</mark>");
        query.set("hl.tag.ellipsis", "…");
        query.set("hl.maxAnalyzedChars", 1_000_000);
        query.set("hl.defaultSummary", true);
        query.set("hl.bs.type", "SENTENCE");
        query.set("hl.bs.language", "zh");
        query.set("hl.fragsize", SearchService.SNIPPET_LENGTH);
        query.set("hl.fragsizeIsMinimum", false);
        query.set("hl.fragAlignRatio", "0.5");
        query.set("hl.snippets", 2);
        query.set("f." + IndexFields.TITLE + ".hl.bs.type", "WHOLE");
        query.set("f." + IndexFields.TITLE + ".hl.snippets", 1);
    }

    /** A query for one exact value of a field, whatever characters it holds. */
    private static String term(String field, String value) {
        return "{!term f=" + field + "}" + value;
    }
}
