package org.newsarchive.solr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.CoreAdminRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.json.BucketBasedJsonFacet;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.params.CursorMarkParams;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.article.Article;
import org.newsarchive.index.IndexFields;
import org.newsarchive.index.IndexUnavailableException;
import org.newsarchive.search.FacetCount;
import org.newsarchive.search.LikeQuery;
import org.newsarchive.search.SearchHit;
import org.newsarchive.search.SearchPlan;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchResults;
import org.newsarchive.search.SearchService;
import org.newsarchive.search.SearchUnavailableException;
import org.newsarchive.search.SortOrder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search service on a SolrCloud collection, answering as the embedded index does.
 *
 * <p>Each feature maps to Solr's own machinery, with the archive's plugin where the answer must be the same:
 * matching and ranking to the {@code archive} query parser (the embedded index's own Lucene queries, scored with
 * collection-wide statistics); facets to JSON facets, each dimension excluding its own filter (drill sideways);
 * snippets to the unified highlighter; related articles to the {@code related} parser; copies of a story to the
 * stored cluster field. A search takes two requests: ranked ids with facets, then the page's records with
 * highlights and copy counts. Thread-safe.
 */
public final class SolrSearchService implements SearchService {

    /**
     * Extra values each shard proposes for a facet's top {@value #FACET_VALUES}: with long tails of values counted
     * 2 or 3 times, a value split over shards can miss each shard's own top list. Refinement then makes the
     * proposed values' counts exact.
     */
    private static final int FACET_OVERREQUEST = 200;

    private static final int EXPORT_BATCH = 500;
    private static final int MAX_COPIES = 1000;
    private static final String PAGE_TAG = "page";
    private static final String COPIES = "copies";

    private final SolrCollection collection;
    private final SolrDocuments documents;
    private final ChineseAnalysis analysis;

    public SolrSearchService(SolrCollection collection, ChineseAnalysis analysis, JsonMapper json) {
        this.collection = collection;
        this.documents = new SolrDocuments(json);
        this.analysis = analysis;
    }

    @Override
    public Optional<Article> find(String id) {
        return storedDocument(id).map(documents::toArticle);
    }

    /** The stored fields and the cluster of the article with this id. */
    private Optional<SolrDocument> storedDocument(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        SolrQuery query = new SolrQuery(term(IndexFields.ID, id))
                .setFields(SolrDocuments.STORED_FIELDS + "," + IndexFields.CLUSTER)
                .setRows(1);
        SolrDocumentList found = query("read article " + id, query).getResults();
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<Article> copies(String id) {
        Optional<SolrDocument> stored = storedDocument(id);
        Object cluster = stored.map(document -> document.getFirstValue(IndexFields.CLUSTER))
                .orElse(null);
        if (cluster == null) {
            return stored.map(documents::toArticle).map(List::of).orElse(List.of());
        }
        SolrQuery query = new SolrQuery(term(IndexFields.CLUSTER, cluster.toString()))
                .setFields(SolrDocuments.STORED_FIELDS)
                .setRows(MAX_COPIES)
                .setSort(IndexFields.ID, SolrQuery.ORDER.asc);
        return articles(query("read the copies of " + id, query).getResults());
    }

    @Override
    public List<Article> related(String id, int size) {
        SearchRequest.requireSize(size);
        Optional<SolrDocument> stored = storedDocument(id);
        if (stored.isEmpty()) {
            return List.of();
        }
        Article article = documents.toArticle(stored.get());
        SolrQuery query = new SolrQuery("{!related v=$like}")
                .addFilterQuery("*:* -" + IndexFields.ID + ":" + ClientUtils.escapeQueryChars(id))
                .setFields(SolrDocuments.STORED_FIELDS + "," + IndexFields.CLUSTER)
                .setRows(size * 3);
        query.set("like", article.title() + "\n" + LikeQuery.lead(article.text()));
        Set<String> clusters = new HashSet<>();
        Object ownCluster = stored.get().getFirstValue(IndexFields.CLUSTER);
        if (ownCluster != null) {
            clusters.add(ownCluster.toString());
        }
        List<Article> related = new ArrayList<>();
        for (SolrDocument document : query("find articles like " + id, query).getResults()) {
            Object cluster = document.getFirstValue(IndexFields.CLUSTER);
            if (cluster == null || clusters.add(cluster.toString())) {
                related.add(documents.toArticle(document));
                if (related.size() == size) {
                    break;
                }
            }
        }
        return related;
    }

    @Override
    public List<String> suggest(String prefix, int size) {
        if (prefix == null || prefix.isBlank()) {
            return List.of();
        }
        int limit = Math.max(1, Math.min(size, MAX_SUGGESTIONS));
        String text = prefix.length() > MAX_SUGGEST_PREFIX ? prefix.substring(0, MAX_SUGGEST_PREFIX) : prefix;
        String key = analysis.titleKey(text);
        Set<String> titles = new LinkedHashSet<>();
        if (key.isEmpty()) {
            return List.of();
        }
        SolrQuery startsWith = new SolrQuery("{!prefix f=" + IndexFields.TITLE_KEY + " v=$key}");
        startsWith.set("key", key);
        collectTitles(startsWith, titles, limit);
        if (titles.size() < limit) {
            SolrQuery contains = new SolrQuery("{!archive part=match v=$qq}");
            contains.set("qq", "title:\"" + text.replace('"', ' ') + "\"");
            collectTitles(contains, titles, limit);
        }
        return new ArrayList<>(titles);
    }

    private void collectTitles(SolrQuery query, Set<String> titles, int limit) {
        query.setFields(IndexFields.TITLE).setRows(limit * 2);
        for (SolrDocument document : query("complete titles", query).getResults()) {
            titles.add((String) document.getFirstValue(IndexFields.TITLE));
            if (titles.size() >= limit) {
                return;
            }
        }
    }

    /** The size of every replica's index, summed: what the collection takes on the cluster's disks. */
    @Override
    public long indexSizeBytes() {
        DocCollection layout = collection.client().getClusterState().getCollectionOrNull(collection.name());
        if (layout == null) {
            throw new SearchUnavailableException(
                    "SolrCloud has no collection " + collection.name()
                            + "; create it with: java -jar target/news-archive.jar solr-setup",
                    null);
        }
        long bytes = 0;
        for (Replica replica : layout.getReplicas()) {
            try (SolrClient node = SolrCollection.nodeClient(replica.getBaseUrl())) {
                Long size = SolrCollection.READS.run(
                        "report the size of " + replica.getCoreName(),
                        () -> indexSize(CoreAdminRequest.getStatus(replica.getCoreName(), node)
                                .getCoreStatus(replica.getCoreName())));
                bytes += size == null ? 0 : size;
            } catch (java.io.IOException closing) {
                // The size was read; only closing the node's client failed.
            } catch (IndexUnavailableException nodeDown) {
                // A replica that is down takes no space that can be measured now.
            }
        }
        return bytes;
    }

    private static Long indexSize(org.apache.solr.common.util.NamedList<Object> coreStatus) {
        Object index = coreStatus == null ? null : coreStatus.get("index");
        Object size = index instanceof org.apache.solr.common.util.NamedList<?> info ? info.get("sizeInBytes") : null;
        return size instanceof Number number ? number.longValue() : null;
    }

    @Override
    public List<FacetCount> facetValues(String dimension) {
        if (!IndexFields.FACETS.contains(dimension)) {
            throw new IllegalArgumentException("unknown facet: " + dimension + "; facets are " + IndexFields.FACETS);
        }
        SolrQuery query = new SolrQuery("*:*").setRows(0);
        query.set("json.facet", "{v:{type:terms,field:" + dimension + ",limit:-1,sort:'count desc'}}");
        return counts(query("count " + dimension, query), "v").stream()
                .sorted(Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value))
                .toList();
    }

    @Override
    public SearchResults search(SearchRequest request) {
        long start = System.nanoTime();
        SearchPlan plan = SearchPlan.of(request);
        boolean anyTerm = false;
        QueryResponse ranked = query("search", ranked(request, plan, false));
        SearchResults.Fallback fallback = plan.initialFallback();
        if (plan.retryWithAnyTerm(ranked.getResults().getNumFound())) {
            anyTerm = true;
            ranked = query("search", ranked(request, plan, true));
            fallback = SearchResults.Fallback.ANY_TERM;
        }
        List<SolrDocument> pageDocs = collapsedPage(ranked.getResults(), plan.page(), request.size());
        List<SearchHit> hits = hits(request, anyTerm, pageDocs);
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        for (String dimension : IndexFields.FACETS) {
            facets.put(dimension, counts(ranked, dimension));
        }
        SolrDocumentList results = ranked.getResults();
        return new SearchResults(
                request.query(),
                results.getNumFound(),
                !Boolean.FALSE.equals(results.getNumFoundExact()),
                plan.page(),
                request.size(),
                (System.nanoTime() - start) / 1_000_000,
                fallback,
                plan.pageCapped(),
                hits,
                facets);
    }

    /** The ids and clusters of the top {@code depth} matches, with drill-sideways facet counts. */
    private SolrQuery ranked(SearchRequest request, SearchPlan plan, boolean anyTerm) {
        SolrQuery query = filtered(request, plan, matching(anyTerm, false));
        query.setFields(IndexFields.ID, IndexFields.CLUSTER, "score").setRows(plan.depth());
        query.set("minExactCount", EXACT_TOTAL_LIMIT);
        sortBy(query, request.sort());
        StringBuilder facets = new StringBuilder("{");
        for (String dimension : IndexFields.FACETS) {
            if (facets.length() > 1) {
                facets.append(',');
            }
            facets.append(dimension)
                    .append(":{type:terms,field:")
                    .append(dimension)
                    .append(",limit:")
                    .append(FACET_VALUES)
                    .append(",sort:'count desc',refine:true,overrequest:")
                    .append(FACET_OVERREQUEST)
                    .append(",domain:{excludeTags:")
                    .append(dimension)
                    .append("}}");
        }
        query.set("json.facet", facets.append('}').toString());
        return query;
    }

    /** The archive parser on the request's query text ({@code $qq}); {@code matchOnly} leaves out ranking clauses. */
    private static String matching(boolean anyTerm, boolean matchOnly) {
        return "{!archive anyTerm=" + anyTerm + (matchOnly ? " part=match" : "") + " v=$qq}";
    }

    private static SolrQuery filtered(SearchRequest request, SearchPlan plan, String q) {
        SolrQuery query = new SolrQuery(q);
        query.set("qq", request.query());
        request.filters().forEach((dimension, values) -> {
            if (!IndexFields.FACETS.contains(dimension) || values.isEmpty()) {
                return;
            }
            String anyValue = values.stream()
                    .map(value -> dimension + ":" + ClientUtils.escapeQueryChars(value))
                    .collect(Collectors.joining(" OR ", "{!tag=" + dimension + "}(", ")"));
            query.addFilterQuery(anyValue);
        });
        if (plan.hasDateRange()) {
            String lower = plan.fromMillis() == Long.MIN_VALUE ? "*" : String.valueOf(plan.fromMillis());
            String upper = plan.toMillis() == Long.MAX_VALUE ? "*" : String.valueOf(plan.toMillis());
            query.addFilterQuery(IndexFields.DATE + ":[" + lower + " TO " + upper + "]");
        }
        return query;
    }

    private static void sortBy(SolrQuery query, SortOrder order) {
        switch (order) {
            case RELEVANCE -> query.setSort("score", SolrQuery.ORDER.desc);
            case NEWEST -> query.setSort(IndexFields.DATE, SolrQuery.ORDER.desc);
            case OLDEST -> query.setSort(IndexFields.DATE, SolrQuery.ORDER.asc);
        }
    }

    /** The requested page of matches, with copies of one story shown once, at the rank of the best copy. */
    private static List<SolrDocument> collapsedPage(SolrDocumentList ranked, int page, int size) {
        List<SolrDocument> collapsed = new ArrayList<>();
        Set<String> seenClusters = new HashSet<>();
        for (SolrDocument document : ranked) {
            Object cluster = document.getFirstValue(IndexFields.CLUSTER);
            if (cluster == null || seenClusters.add(cluster.toString())) {
                collapsed.add(document);
            }
        }
        int from = Math.min(collapsed.size(), (page - 1) * size);
        return collapsed.subList(from, Math.min(collapsed.size(), from + size));
    }

    /**
     * The page's articles with highlighted titles and snippets, and how many copies each story has. The page is
     * fetched by id, unscored (the ranking came with the first request); the highlighter gets the matching query.
     */
    private List<SearchHit> hits(SearchRequest request, boolean anyTerm, List<SolrDocument> pageDocs) {
        if (pageDocs.isEmpty()) {
            return List.of();
        }
        List<String> ids = pageDocs.stream()
                .map(document -> document.getFirstValue(IndexFields.ID).toString())
                .toList();
        SolrQuery query = new SolrQuery("*:*");
        query.set("qq", request.query());
        query.addFilterQuery("{!terms f=" + IndexFields.ID + " tag=" + PAGE_TAG + "}" + String.join(",", ids));
        query.setFields(SolrDocuments.RECORD_ONLY).setRows(ids.size());
        highlight(query, anyTerm);
        countCopies(query, pageDocs);
        QueryResponse response = query("read the results", query);
        Map<String, Article> articles = new HashMap<>();
        for (SolrDocument document : response.getResults()) {
            articles.put(document.getFirstValue(IndexFields.ID).toString(), documents.toArticle(document));
        }
        Map<String, Map<String, List<String>>> highlights =
                response.getHighlighting() == null ? Map.of() : response.getHighlighting();
        Map<String, Integer> copies = new HashMap<>();
        counts(response, COPIES).forEach(count -> copies.put(count.value(), (int) count.count()));
        List<SearchHit> hits = new ArrayList<>(pageDocs.size());
        for (SolrDocument ranked : pageDocs) {
            String id = ranked.getFirstValue(IndexFields.ID).toString();
            Article article = articles.get(id);
            if (article == null) {
                continue; // deleted between the two requests
            }
            Map<String, List<String>> marked = highlights.getOrDefault(id, Map.of());
            String title = first(marked.get(IndexFields.TITLE));
            String snippet = marked.get(IndexFields.BODY) == null ? "" : String.join("…", marked.get(IndexFields.BODY));
            Object cluster = ranked.getFirstValue(IndexFields.CLUSTER);
            Object score = ranked.getFieldValue("score");
            hits.add(new SearchHit(
                    article.withoutBody(),
                    title != null ? title : org.jsoup.nodes.Entities.escape(article.title()),
                    snippet,
                    score instanceof Number number ? number.floatValue() : 0f,
                    cluster == null ? 1 : Math.max(1, copies.getOrDefault(cluster.toString(), 1))));
        }
        return hits;
    }

    /**
     * The unified highlighter, set up as the embedded index's: the matching clauses only, whole titles, snippets of
     * about {@value #SNIPPET_LENGTH} characters cut at sentences, escaped HTML with {@code <mark>}.
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
        query.set("hl.fragsize", SNIPPET_LENGTH);
        query.set("hl.fragsizeIsMinimum", false);
        query.set("hl.fragAlignRatio", "0.5");
        query.set("hl.snippets", 2);
        query.set("f." + IndexFields.TITLE + ".hl.bs.type", "WHOLE");
        query.set("f." + IndexFields.TITLE + ".hl.snippets", 1);
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * Adds to the page's request a facet counting every article of the page's clusters: its domain drops the
     * page's own filter, then keeps those clusters. One request thus brings the page, its highlights and its copy
     * counts.
     */
    private static void countCopies(SolrQuery query, List<SolrDocument> pageDocs) {
        Set<String> clusters = pageDocs.stream()
                .map(document -> document.getFirstValue(IndexFields.CLUSTER))
                .filter(java.util.Objects::nonNull)
                .map(Object::toString)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!clusters.isEmpty()) {
            query.set(
                    "json.facet",
                    "{" + COPIES + ":{type:terms,field:" + IndexFields.CLUSTER + ",limit:-1,domain:{excludeTags:"
                            + PAGE_TAG + ",filter:'{!terms f=" + IndexFields.CLUSTER + "}" + String.join(",", clusters)
                            + "'}}}");
        }
    }

    private static List<FacetCount> counts(QueryResponse response, String facet) {
        if (response.getJsonFacetingResponse() == null) {
            return List.of();
        }
        BucketBasedJsonFacet buckets = response.getJsonFacetingResponse().getBucketBasedFacets(facet);
        if (buckets == null) {
            return List.of();
        }
        return buckets.getBuckets().stream()
                .map(bucket -> new FacetCount(bucket.getVal().toString(), bucket.getCount()))
                .toList();
    }

    /** Pages through the matches with a cursor, so that deep exports stay as cheap as the first page. */
    @Override
    public long forEachMatch(SearchRequest request, Consumer<Article> consumer) {
        SolrQuery query = filtered(request, SearchPlan.of(request), matching(false, false));
        query.setFields(SolrDocuments.STORED_FIELDS).setRows(EXPORT_BATCH);
        sortBy(query, request.sort());
        query.addSort(IndexFields.ID, SolrQuery.ORDER.asc);
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        long count = 0;
        while (true) {
            query.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse batch = query("read matches", query);
            for (SolrDocument document : batch.getResults()) {
                consumer.accept(documents.toArticle(document));
                count++;
            }
            if (cursor.equals(batch.getNextCursorMark())) {
                return count;
            }
            cursor = batch.getNextCursorMark();
        }
    }

    private List<Article> articles(SolrDocumentList found) {
        List<Article> articles = new ArrayList<>(found.size());
        found.forEach(document -> articles.add(documents.toArticle(document)));
        return articles;
    }

    /** Runs a query; a cluster that cannot answer is reported as {@link SearchUnavailableException}. */
    private QueryResponse query(String what, SolrQuery query) {
        try {
            return collection.query(what, query);
        } catch (IndexUnavailableException e) {
            throw new SearchUnavailableException(e.getMessage(), e);
        }
    }

    /** A query for one exact value of a field, whatever characters it holds. */
    private static String term(String field, String value) {
        return "{!term f=" + field + "}" + value;
    }
}
