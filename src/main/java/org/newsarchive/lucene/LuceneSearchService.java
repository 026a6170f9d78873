package org.newsarchive.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.article.Article;
import org.newsarchive.query.QueryFactory;
import org.newsarchive.schema.IndexFields;
import org.newsarchive.search.ArchiveOverview;
import org.newsarchive.search.EarlierMatches;
import org.newsarchive.search.FacetCount;
import org.newsarchive.search.SearchHit;
import org.newsarchive.search.SearchPlan;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchResults;
import org.newsarchive.search.SearchService;
import org.newsarchive.search.StoryCollapse;
import org.newsarchive.version.ArticleHistory;

/**
 * The search service on the embedded Lucene index.
 *
 * <p>Queries are matched on the bigram view and ranked with both views ({@link QueryFactory}). One pass of the query
 * collects the top hits, the exact count and the facet values (drill sideways only when filters are set). Copies of
 * a story are collapsed from the top hits, read back from the clusters' doc values; result lists read each article's
 * summary doc value and its stored text only. Whatever depends on the index snapshot alone ({@link SnapshotFacts})
 * is worked out once per snapshot. Repeated searches on an unchanged snapshot may come from a {@link ResultCache}.
 * Thread-safe.
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
    private final FacetsConfig facetsConfig = LuceneFacets.config();
    private final SnapshotFacts.Latest snapshots = new SnapshotFacts.Latest(facetsConfig);
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
        this.queries = new QueryFactory(analysis);
        this.highlighter = new Highlighter(analysis.indexAnalyzer(IndexFields.VIEWS));
    }

    @Override
    public Optional<Article> find(String id) {
        return index.find(id);
    }

    @Override
    public Optional<ArticleHistory> history(String id) {
        return index.history(id);
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
                        int[] docs = snapshots
                                .of(searcher.getIndexReader())
                                .relatedDocs(id, size, () -> related.findDocs(searcher, doc, size));
                        return related.read(searcher, docs);
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
    public long countWithoutText() {
        return index.withSearcher(searcher -> {
            try {
                return (long) searcher.count(new TermQuery(new Term(IndexFields.NO_TEXT, "true")));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot count articles without text in " + index.directory(), e);
            }
        });
    }

    /** Measured once per index snapshot: merges may shrink the files later, and the next snapshot tells. */
    @Override
    public long indexSizeBytes() {
        return index.withSearcher(
                searcher -> snapshots.of(searcher.getIndexReader()).sizeInBytes(index::sizeInBytes));
    }

    @Override
    public List<FacetCount> facetValues(String dimension) {
        FacetCount.requireDimension(dimension);
        return index.withSearcher(
                searcher -> snapshots.of(searcher.getIndexReader()).allValues(dimension));
    }

    /** The version of the reader's snapshot, which changes with every change made visible. */
    @Override
    public Optional<String> snapshotVersion() {
        return Optional.of(index.withSearcher(searcher -> searcher.getIndexReader() instanceof DirectoryReader reader
                ? Long.toString(reader.getVersion())
                : "empty"));
    }

    /** Worked out once per index snapshot. */
    @Override
    public ArchiveOverview overview() {
        return index.withSearcher(
                searcher -> snapshots.of(searcher.getIndexReader()).overview(() -> {
                    // The default counts through searches, which take their own snapshot; refreshes are rare enough
                    // that a racing one only means one more computation on the next request.
                    return SearchService.super.overview();
                }));
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
                SearchResults results =
                        EarlierMatches.mark(searchNow(searcher, request, start), request.query(), index::history);
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
                results.facets(),
                results.nextCursor());
    }

    private SearchResults searchNow(IndexSearcher searcher, SearchRequest request, long start) {
        SearchPlan plan = SearchPlan.of(request);
        try {
            Outcome outcome = run(searcher, request, plan, false);
            SearchResults.Fallback fallback = plan.initialFallback();
            if (plan.retryWithAnyTerm(outcome.total())) {
                outcome = run(searcher, request, plan, true);
                fallback = SearchResults.Fallback.ANY_TERM;
            }
            ScoreDoc[] top = outcome.top().scoreDocs;
            String nextCursor = null;
            List<SearchHit> hits;
            if (request.countsOnly()) {
                hits = List.of();
            } else if (request.walksWithCursor()) {
                ScoreDoc[] page = Arrays.copyOf(top, Math.min(top.length, request.size()));
                if (top.length > request.size()) {
                    nextCursor = LuceneCursor.following(page[page.length - 1], request.sort());
                }
                hits = hits(searcher, outcome, ranked(searcher, page));
            } else {
                hits = hits(
                        searcher,
                        outcome,
                        StoryCollapse.page(ranked(searcher, top), Ranked::cluster, plan.page(), request.size()));
            }
            return new SearchResults(
                    request.query(),
                    outcome.total(),
                    true,
                    plan.page(),
                    request.size(),
                    (System.nanoTime() - start) / 1_000_000,
                    fallback,
                    plan.pageCapped(),
                    hits,
                    outcome.facets,
                    nextCursor);
        } catch (IOException e) {
            throw new UncheckedIOException("search failed on " + index.directory(), e);
        }
    }

    /**
     * What one run of a query found.
     *
     * @param highlightQuery the matching clauses, for the highlighter
     * @param top the best {@code depth} hits, in the request's order
     * @param total every match, counted exactly
     */
    private record Outcome(Query highlightQuery, TopDocs top, long total, Map<String, List<FacetCount>> facets) {}

    /**
     * Runs a query once, collecting the top {@code depth} hits, the exact count and the facet values of the match
     * set together: term lookups in every segment are the largest cost of a search, so the query is not run a
     * second time for counting. Without filters the facets are counted over the match set; with filters, Lucene's
     * drill sideways counts each filtered dimension as if it were not filtered. A search with neither query nor
     * filters takes its counts from the snapshot ({@link SnapshotFacts}) and only ranks, which lets Lucene skip
     * most documents in date order.
     */
    private Outcome run(IndexSearcher searcher, SearchRequest request, SearchPlan plan, boolean anyTerm)
            throws IOException {
        QueryFactory.Built built = queries.build(plan.parsed(), anyTerm);
        SnapshotFacts facts = snapshots.of(searcher.getIndexReader());
        SortedSetDocValuesReaderState state = facts.facetState();
        DrillDownQuery query = LuceneFilters.filtered(facetsConfig, request, plan, built.ranked());
        if (built.matchesEverything()
                && request.filters().isEmpty()
                && !plan.hasDateRange()
                && !plan.hasMirroredRange()) {
            TopDocs top = searcher.search(
                    query, LuceneCollectors.topHits(searcher, request, plan.depth(), plan.depth(), index.directory()));
            return new Outcome(
                    built.match(), top, searcher.getIndexReader().numDocs(), facts.topValues(request.facets()));
        }
        CollectorManager<?, ? extends TopDocs> collector =
                LuceneCollectors.topHits(searcher, request, plan.depth(), Integer.MAX_VALUE, index.directory());
        if (state == null) {
            TopDocs top = searcher.search(query, collector);
            return new Outcome(built.match(), top, top.totalHits.value, Map.of());
        }
        if (request.filters().isEmpty()) {
            Object[] collected =
                    searcher.search(query, new MultiCollectorManager(new FacetsCollectorManager(), collector));
            TopDocs top = (TopDocs) collected[1];
            Facets counts = new SortedSetDocValuesFacetCounts(state, (FacetsCollector) collected[0]);
            return new Outcome(
                    built.match(), top, top.totalHits.value, LuceneFacets.topCounts(counts, request.facets()));
        }
        DrillSideways.ConcurrentDrillSidewaysResult<? extends TopDocs> result =
                new DrillSideways(searcher, facetsConfig, state).search(query, collector);
        TopDocs top = result.collectorResult;
        return new Outcome(
                built.match(), top, top.totalHits.value, LuceneFacets.topCounts(result.facets, request.facets()));
    }

    /** Reads from one index snapshot, so an ingest running meanwhile does not change the set. */
    @Override
    public long forEachMatch(SearchRequest request, Consumer<Article> consumer) {
        SearchPlan plan = SearchPlan.of(request);
        Sort sort = LuceneSorts.complete(request.sort());
        return index.withSearcher(searcher -> {
            try {
                Query query = LuceneFilters.filtered(
                        facetsConfig,
                        request,
                        plan,
                        queries.build(plan.parsed(), false).ranked());
                if (plan.retryWithAnyTerm(searcher.count(query))) {
                    query = LuceneFilters.filtered(
                            facetsConfig,
                            request,
                            plan,
                            queries.build(plan.parsed(), true).ranked());
                }
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

    private record Ranked(ScoreDoc scoreDoc, String cluster) {}

    /** Hits with their story clusters, in rank order, for collapsing copies and counting them. */
    private static List<Ranked> ranked(IndexSearcher searcher, ScoreDoc[] docs) throws IOException {
        String[] clusters = StoryClusters.clustersOf(
                searcher, Arrays.stream(docs).mapToInt(doc -> doc.doc).toArray());
        List<Ranked> ranked = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            ranked.add(new Ranked(docs[i], clusters[i]));
        }
        return ranked;
    }

    /** The page's hits, their clusters read once with the ranking, with highlights and each story's copies. */
    private List<SearchHit> hits(IndexSearcher searcher, Outcome outcome, List<Ranked> page) throws IOException {
        ScoreDoc[] pageDocs = page.stream().map(Ranked::scoreDoc).toArray(ScoreDoc[]::new);
        String[] clusters = page.stream().map(Ranked::cluster).toArray(String[]::new);
        List<Article> articles = index.summaries(
                searcher, Arrays.stream(pageDocs).mapToInt(doc -> doc.doc).toArray(), true);
        String[][] highlights = highlighter.highlight(
                searcher, outcome.highlightQuery(), new TopDocs(outcome.top().totalHits, pageDocs), articles);
        int[] copies = snapshots.of(searcher.getIndexReader()).copyCounts(searcher, clusters);
        List<SearchHit> hits = new ArrayList<>(pageDocs.length);
        for (int i = 0; i < pageDocs.length; i++) {
            hits.add(SearchHit.of(articles.get(i), highlights[i][0], highlights[i][1], pageDocs[i].score, copies[i]));
        }
        return hits;
    }
}
