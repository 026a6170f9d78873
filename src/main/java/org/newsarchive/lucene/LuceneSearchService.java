package org.newsarchive.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.article.Article;
import org.newsarchive.query.QueryFactory;
import org.newsarchive.schema.IndexFields;
import org.newsarchive.search.FacetCount;
import org.newsarchive.search.SearchHit;
import org.newsarchive.search.SearchPlan;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchResults;
import org.newsarchive.search.SearchService;
import org.newsarchive.search.SortOrder;
import org.newsarchive.search.StoryCollapse;

/**
 * The search service on the embedded Lucene index.
 *
 * <p>Queries are matched on the bigram view and ranked with both views ({@link QueryFactory}); facets are counted
 * with Lucene's drill sideways; copies of a story are collapsed from the top hits, read back from the clusters'
 * doc values. Repeated searches on an unchanged snapshot come from a {@link ResultCache}. Thread-safe.
 */
public final class LuceneSearchService implements SearchService {

    /**
     * Searches running at once. Searching is CPU-bound, so more in parallel than about twice the cores only adds
     * memory: each holds its collectors, highlighter and loaded articles. The rest wait their turn, in order, which
     * keeps the heap bounded under any number of connections (64 at once exhausted 512 MB before this limit).
     */
    private static final int CONCURRENT_SEARCHES =
            Math.max(2, 2 * Runtime.getRuntime().availableProcessors());

    private final Semaphore running = new Semaphore(CONCURRENT_SEARCHES, true);
    private final ResultCache cache;

    private final LuceneIndexReader index;
    private final QueryFactory queries;
    private final Highlighter highlighter;
    private final FacetStates facetStates = new FacetStates();
    private final FacetsConfig facetsConfig = LuceneFacets.config();
    private final RelatedArticles related;
    private final TitleSuggestions suggestions;

    /** A search service without a result cache. */
    public LuceneSearchService(LuceneIndexReader index, ChineseAnalysis analysis) {
        this(index, analysis, 0);
    }

    /** @param cachedResults result pages kept for repeated searches on an unchanged index; 0 for none */
    public LuceneSearchService(LuceneIndexReader index, ChineseAnalysis analysis, int cachedResults) {
        this.cache = new ResultCache(cachedResults);
        this.index = index;
        this.related = new RelatedArticles(index, analysis);
        this.suggestions = new TitleSuggestions(index, analysis);
        this.queries = new QueryFactory(
                analysis,
                (dimension, value) ->
                        DrillDownQuery.term(facetsConfig.getDimConfig(dimension).indexFieldName, dimension, value));
        this.highlighter = new Highlighter(analysis.indexAnalyzer(IndexFields.VIEWS));
    }

    @Override
    public Optional<Article> find(String id) {
        return index.find(id);
    }

    @Override
    public List<Article> copies(String id) {
        return index.copiesOf(id);
    }

    @Override
    public List<Article> related(String id, int size) {
        SearchRequest.requireSize(size);
        if (id == null || id.isBlank()) {
            return List.of();
        }
        return index.withDocument(id, (searcher, doc) -> {
                    running.acquireUninterruptibly();
                    try {
                        return related.find(searcher, doc, size);
                    } finally {
                        running.release();
                    }
                })
                .orElse(List.of());
    }

    @Override
    public List<String> suggest(String prefix, int size) {
        if (prefix == null || prefix.isBlank()) {
            return List.of();
        }
        return index.withSearcher(searcher -> {
            try {
                return suggestions.complete(searcher, prefix, size);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public long indexSizeBytes() {
        return index.sizeInBytes();
    }

    @Override
    public List<FacetCount> facetValues(String dimension) {
        FacetCount.requireDimension(dimension);
        return index.withSearcher(searcher -> {
            try {
                SortedSetDocValuesReaderState state = facetStates.forReader(searcher.getIndexReader(), facetsConfig);
                if (state == null || state.getOrdRange(dimension) == null) {
                    return List.of();
                }
                FacetResult all = new SortedSetDocValuesFacetCounts(state).getAllChildren(dimension);
                if (all == null) {
                    return List.of();
                }
                return Arrays.stream(all.labelValues)
                        .map(label -> new FacetCount(label.label, label.value.longValue()))
                        .sorted(FacetCount.MOST_FREQUENT_FIRST)
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot count " + dimension + " in " + index.directory(), e);
            }
        });
    }

    @Override
    public SearchResults search(SearchRequest request) {
        long start = System.nanoTime();
        return index.withSearcher(searcher -> {
            SearchResults cached = cache.get(searcher.getIndexReader(), request);
            if (cached != null) {
                return withTook(cached, start);
            }
            running.acquireUninterruptibly();
            try {
                SearchResults results = searchNow(searcher, request, start);
                cache.put(searcher.getIndexReader(), request, results);
                return results;
            } finally {
                running.release();
            }
        });
    }

    private static SearchResults withTook(SearchResults results, long start) {
        return new SearchResults(
                results.query(),
                results.total(),
                results.totalIsExact(),
                results.page(),
                results.size(),
                (System.nanoTime() - start) / 1_000_000,
                results.fallback(),
                results.pageCapped(),
                results.hits(),
                results.facets());
    }

    private SearchResults searchNow(IndexSearcher searcher, SearchRequest request, long start) {
        SearchPlan plan = SearchPlan.of(request);
        try {
            Outcome outcome = run(searcher, request, plan, false);
            SearchResults.Fallback fallback = plan.initialFallback();
            if (plan.retryWithAnyTerm(outcome.topDocs.totalHits.value)) {
                outcome = run(searcher, request, plan, true);
                fallback = SearchResults.Fallback.ANY_TERM;
            }
            List<SearchHit> hits = hits(searcher, outcome, plan.page(), request.size());
            TotalHits total = outcome.topDocs.totalHits;
            return new SearchResults(
                    request.query(),
                    total.value,
                    total.relation == TotalHits.Relation.EQUAL_TO,
                    plan.page(),
                    request.size(),
                    (System.nanoTime() - start) / 1_000_000,
                    fallback,
                    plan.pageCapped(),
                    hits,
                    outcome.facets);
        } catch (IOException e) {
            throw new UncheckedIOException("search failed on " + index.directory(), e);
        }
    }

    private record Outcome(Query highlightQuery, TopDocs topDocs, Map<String, List<FacetCount>> facets) {}

    private Outcome run(IndexSearcher searcher, SearchRequest request, SearchPlan plan, boolean anyTerm)
            throws IOException {
        QueryFactory.Built built = queries.build(plan.parsed(), anyTerm);
        DrillDownQuery drillDown = filtered(request, plan, built.ranked());
        CollectorManager<?, ? extends TopDocs> collector = collector(request.sort(), plan.depth());
        SortedSetDocValuesReaderState state = facetStates.forReader(searcher.getIndexReader(), facetsConfig);
        if (state == null) {
            TopDocs topDocs = searcher.search(drillDown, collector);
            return new Outcome(built.match(), topDocs, Map.of());
        }
        DrillSideways sideways = new DrillSideways(searcher, facetsConfig, state);
        DrillSideways.ConcurrentDrillSidewaysResult<? extends TopDocs> result = sideways.search(drillDown, collector);
        return new Outcome(built.match(), result.collectorResult, facetCounts(result.facets));
    }

    private DrillDownQuery filtered(SearchRequest request, SearchPlan plan, Query query) {
        DrillDownQuery drillDown = new DrillDownQuery(facetsConfig, withDateRange(query, plan));
        request.filters().forEach((dimension, values) -> values.forEach(value -> drillDown.add(dimension, value)));
        return drillDown;
    }

    /** Reads from one index snapshot, so an ingest running meanwhile does not change the set. */
    @Override
    public long forEachMatch(SearchRequest request, Consumer<Article> consumer) {
        SearchPlan plan = SearchPlan.of(request);
        Query query =
                filtered(request, plan, queries.build(plan.parsed(), false).ranked());
        Sort sort = LuceneSorts.complete(request.sort());
        return index.withSearcher(searcher -> {
            try {
                long count = 0;
                ScoreDoc after = null;
                while (true) {
                    TopDocs batch = searcher.searchAfter(after, query, EXPORT_BATCH, sort, false);
                    for (ScoreDoc doc : batch.scoreDocs) {
                        consumer.accept(index.article(searcher, doc.doc));
                        count++;
                    }
                    if (batch.scoreDocs.length < EXPORT_BATCH) {
                        return count;
                    }
                    after = batch.scoreDocs[batch.scoreDocs.length - 1];
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read matches from " + index.directory(), e);
            }
        });
    }

    private static CollectorManager<?, ? extends TopDocs> collector(SortOrder order, int depth) {
        return order == SortOrder.RELEVANCE
                ? new TopScoreDocCollectorManager(depth, null, EXACT_TOTAL_LIMIT)
                : new TopFieldCollectorManager(LuceneSorts.of(order), depth, null, EXACT_TOTAL_LIMIT);
    }

    private static Query withDateRange(Query match, SearchPlan plan) {
        if (!plan.hasDateRange()) {
            return match;
        }
        return new BooleanQuery.Builder()
                .add(match, Occur.MUST)
                .add(LongPoint.newRangeQuery(IndexFields.DATE, plan.fromMillis(), plan.toMillis()), Occur.FILTER)
                .build();
    }

    private record Ranked(ScoreDoc scoreDoc, String cluster) {}

    /** The requested page of hits, with copies of one story shown once, at the rank of the best-scoring copy. */
    private List<SearchHit> hits(IndexSearcher searcher, Outcome outcome, int page, int size) throws IOException {
        List<Ranked> ranked = new ArrayList<>(outcome.topDocs.scoreDocs.length);
        for (ScoreDoc scoreDoc : outcome.topDocs.scoreDocs) {
            ranked.add(new Ranked(scoreDoc, StoryClusters.clusterOf(searcher, scoreDoc.doc)));
        }
        ScoreDoc[] pageDocs = StoryCollapse.page(ranked, Ranked::cluster, page, size).stream()
                .map(Ranked::scoreDoc)
                .toArray(ScoreDoc[]::new);
        List<Article> articles = new ArrayList<>(pageDocs.length);
        for (ScoreDoc doc : pageDocs) {
            articles.add(index.article(searcher, doc.doc));
        }
        String[][] highlights = highlighter.highlight(
                searcher, outcome.highlightQuery, new TopDocs(outcome.topDocs.totalHits, pageDocs), articles);
        int[] copies = StoryClusters.copyCounts(
                searcher, Arrays.stream(pageDocs).mapToInt(doc -> doc.doc).toArray());
        List<SearchHit> hits = new ArrayList<>(pageDocs.length);
        for (int i = 0; i < pageDocs.length; i++) {
            hits.add(SearchHit.of(articles.get(i), highlights[i][0], highlights[i][1], pageDocs[i].score, copies[i]));
        }
        return hits;
    }

    private static Map<String, List<FacetCount>> facetCounts(Facets facets) throws IOException {
        Map<String, List<FacetCount>> counts = new LinkedHashMap<>();
        for (String dimension : IndexFields.FACETS) {
            List<FacetCount> values = new ArrayList<>();
            try {
                FacetResult result = facets.getTopChildren(FACET_VALUES, dimension);
                if (result != null) {
                    for (LabelAndValue label : result.labelValues) {
                        values.add(new FacetCount(label.label, label.value.longValue()));
                    }
                }
            } catch (IllegalArgumentException dimensionNotIndexedYet) {
                // No article has a value for this dimension yet.
            }
            counts.put(dimension, values);
        }
        return counts;
    }
}
