package org.newsarchive.solr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.json.BucketBasedJsonFacet;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.CursorMarkParams;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.article.Article;
import org.newsarchive.schema.IndexFields;
import org.newsarchive.search.EarlierMatches;
import org.newsarchive.search.FacetCount;
import org.newsarchive.search.InvalidCursorException;
import org.newsarchive.search.SearchHit;
import org.newsarchive.search.SearchPlan;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchResults;
import org.newsarchive.search.SearchService;
import org.newsarchive.search.SearchUnavailableException;
import org.newsarchive.search.StoryCollapse;
import org.newsarchive.search.TitleCompletion;
import org.newsarchive.version.ArticleHistory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search service on a SolrCloud collection, answering as the embedded index does.
 *
 * <p>Each feature maps to Solr's own machinery ({@link SolrRequests} builds the requests), with the archive's plugin
 * where the answer must be the same: matching and ranking to the {@code archive} query parser (the embedded index's
 * own Lucene queries, scored with collection-wide statistics); facets to JSON facets, each dimension excluding its
 * own filter (drill sideways); snippets to the unified highlighter; related articles to the {@code related} parser;
 * copies of a story to the stored cluster field, collapsed by the engine-neutral {@link StoryCollapse}. A search
 * takes two requests: ranked ids with facets, then the page's records with highlights and copy counts. Thread-safe.
 */
public final class SolrSearchService implements SearchService {

    private final SolrCollection collection;
    private final SolrDocuments documents;
    private final ChineseAnalysis analysis;
    private final SolrIndexSize indexSize;

    public SolrSearchService(SolrCollection collection, ChineseAnalysis analysis, JsonMapper json) {
        this.collection = collection;
        this.documents = new SolrDocuments(json);
        this.analysis = analysis;
        this.indexSize = new SolrIndexSize(collection);
    }

    @Override
    public Optional<Article> find(String id) {
        return storedDocument(id).map(documents::toArticle);
    }

    @Override
    public Optional<ArticleHistory> history(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        SolrDocumentList found = query("read the versions of article " + id, SolrRequests.history(id))
                .getResults();
        return found.isEmpty() ? Optional.empty() : Optional.of(documents.toHistory(found.get(0)));
    }

    /** The stored fields and the cluster of the article with this id. */
    private Optional<SolrDocument> storedDocument(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        SolrDocumentList found =
                query("read article " + id, SolrRequests.article(id)).getResults();
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<Article> copies(String id) {
        Optional<SolrDocument> stored = storedDocument(id);
        String cluster = stored.map(SolrSearchService::clusterOf).orElse(null);
        if (cluster == null) {
            return stored.map(documents::toArticle)
                    .map(Article::withoutBody)
                    .map(List::of)
                    .orElse(List.of());
        }
        return articles(query("read the copies of " + id, SolrRequests.cluster(cluster))
                        .getResults())
                .stream()
                .map(Article::withoutBody)
                .toList();
    }

    @Override
    public List<Article> related(String id, int size) {
        SearchRequest.requireSize(size);
        Optional<SolrDocument> stored = storedDocument(id);
        if (stored.isEmpty()) {
            return List.of();
        }
        Article article = documents.toArticle(stored.get());
        SolrQuery related = SolrRequests.related(id, article.title(), article.text(), size);
        List<SolrDocument> candidates =
                query("find articles like " + id, related).getResults();
        return StoryCollapse.related(candidates, SolrSearchService::clusterOf, clusterOf(stored.get()), size).stream()
                .map(documents::toArticle)
                .toList();
    }

    @Override
    public List<String> suggest(String prefix, int size) {
        if (prefix == null || prefix.isBlank()) {
            return List.of();
        }
        TitleCompletion completion = new TitleCompletion(prefix, size);
        String key = analysis.titleKey(completion.typed());
        if (key.isEmpty()) {
            return List.of();
        }
        collectTitles(SolrRequests.titlesStartingWith(key, completion), completion);
        if (!completion.isFull()) {
            collectTitles(SolrRequests.titlesContaining(completion), completion);
        }
        return completion.titles();
    }

    private void collectTitles(SolrQuery query, TitleCompletion completion) {
        for (SolrDocument document : query("complete titles", query).getResults()) {
            if (!completion.add((String) document.getFirstValue(IndexFields.TITLE))) {
                return;
            }
        }
    }

    @Override
    public long countWithoutText() {
        return query("count articles without text", new SolrQuery(IndexFields.NO_TEXT + ":true").setRows(0))
                .getResults()
                .getNumFound();
    }

    /** The size of every replica's index, summed: what the collection takes on the cluster's disks. */
    @Override
    public long indexSizeBytes() {
        return indexSize.bytes();
    }

    @Override
    public List<FacetCount> facetValues(String dimension) {
        FacetCount.requireDimension(dimension);
        return counts(query("count " + dimension, SolrRequests.allValues(dimension)), SolrRequests.ALL_VALUES).stream()
                .sorted(FacetCount.MOST_FREQUENT_FIRST)
                .toList();
    }

    @Override
    public SearchResults search(SearchRequest request) {
        long start = System.nanoTime();
        SearchPlan plan = SearchPlan.of(request);
        boolean anyTerm = false;
        QueryResponse ranked = ranked(request, plan, false);
        SearchResults.Fallback fallback = plan.initialFallback();
        if (plan.retryWithAnyTerm(ranked.getResults().getNumFound())) {
            anyTerm = true;
            ranked = ranked(request, plan, true);
            fallback = SearchResults.Fallback.ANY_TERM;
        }
        SolrDocumentList results = ranked.getResults();
        List<SolrDocument> pageDocs = request.walksWithCursor()
                ? results
                : StoryCollapse.page(results, SolrSearchService::clusterOf, plan.page(), request.size());
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        for (String dimension : IndexFields.FACETS) {
            facets.put(dimension, counts(ranked, dimension));
        }
        SearchResults page = new SearchResults(
                request.query(),
                results.getNumFound(),
                !Boolean.FALSE.equals(results.getNumFoundExact()),
                plan.page(),
                request.size(),
                (System.nanoTime() - start) / 1_000_000,
                fallback,
                plan.pageCapped(),
                hits(request, anyTerm, pageDocs),
                facets,
                nextCursor(request, ranked));
        return EarlierMatches.mark(page, request.query(), this::history);
    }

    /** The ranked matches; a cursor Solr cannot read is the caller's mistake, not the cluster's. */
    private QueryResponse ranked(SearchRequest request, SearchPlan plan, boolean anyTerm) {
        try {
            return query("search", SolrRequests.ranked(request, plan, anyTerm));
        } catch (SolrException e) {
            if (request.walksWithCursor() && e.code() == SolrException.ErrorCode.BAD_REQUEST.code) {
                throw new InvalidCursorException("not a cursor of this archive for this sort: " + request.cursor());
            }
            throw e;
        }
    }

    /**
     * Solr's next cursor mark, or null when the page was the last: a short page, or a mark that did not move. A
     * page that ends exactly at the last match still gives a cursor, whose page is empty.
     */
    private static String nextCursor(SearchRequest request, QueryResponse ranked) {
        if (!request.walksWithCursor()) {
            return null;
        }
        String next = ranked.getNextCursorMark();
        return next == null
                        || next.equals(request.cursor())
                        || ranked.getResults().size() < request.size()
                ? null
                : next;
    }

    /** The page's articles with highlighted titles and snippets, and how many copies each story has. */
    private List<SearchHit> hits(SearchRequest request, boolean anyTerm, List<SolrDocument> pageDocs) {
        if (pageDocs.isEmpty()) {
            return List.of();
        }
        List<String> ids = pageDocs.stream().map(SolrSearchService::idOf).toList();
        List<String> clusters =
                pageDocs.stream().map(SolrSearchService::clusterOf).toList();
        QueryResponse response = query("read the results", SolrRequests.page(request.query(), anyTerm, ids, clusters));
        Map<String, Article> articles = new HashMap<>();
        for (SolrDocument document : response.getResults()) {
            articles.put(idOf(document), documents.toArticle(document));
        }
        Map<String, Map<String, List<String>>> highlights =
                response.getHighlighting() == null ? Map.of() : response.getHighlighting();
        Map<String, Integer> copies = new HashMap<>();
        counts(response, SolrRequests.COPIES).forEach(count -> copies.put(count.value(), (int) count.count()));
        List<SearchHit> hits = new ArrayList<>(pageDocs.size());
        for (SolrDocument ranked : pageDocs) {
            String id = idOf(ranked);
            Article article = articles.get(id);
            if (article == null) {
                continue; // deleted between the two requests
            }
            Map<String, List<String>> marked = highlights.getOrDefault(id, Map.of());
            List<String> titles = marked.get(IndexFields.TITLE);
            List<String> snippets = marked.get(IndexFields.BODY);
            String cluster = clusterOf(ranked);
            hits.add(SearchHit.of(
                    article,
                    titles == null || titles.isEmpty() ? null : titles.get(0),
                    snippets == null ? null : String.join("…", snippets),
                    ranked.getFieldValue("score") instanceof Number score ? score.floatValue() : 0f,
                    cluster == null ? 1 : copies.getOrDefault(cluster, 1)));
        }
        return hits;
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
        SearchPlan plan = SearchPlan.of(request);
        boolean anyTerm = plan.retryWithAnyTerm(query("count matches", SolrRequests.count(request, plan))
                .getResults()
                .getNumFound());
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        long count = 0;
        while (true) {
            QueryResponse batch = query("read matches", SolrRequests.export(request, anyTerm, cursor));
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

    /** Runs a query; a cluster that cannot answer throws {@link SearchUnavailableException}. */
    private QueryResponse query(String what, SolrQuery query) {
        return collection.query(what, query);
    }

    private static String idOf(SolrDocument document) {
        return document.getFirstValue(IndexFields.ID).toString();
    }

    private static String clusterOf(SolrDocument document) {
        Object cluster = document.getFirstValue(IndexFields.CLUSTER);
        return cluster == null ? null : cluster.toString();
    }
}
