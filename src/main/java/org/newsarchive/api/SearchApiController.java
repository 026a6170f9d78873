package org.newsarchive.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.newsarchive.article.Article;
import org.newsarchive.representation.ArchiveStats;
import org.newsarchive.representation.CaptureView;
import org.newsarchive.representation.HitFields;
import org.newsarchive.representation.PageLinks;
import org.newsarchive.representation.SearchResponse;
import org.newsarchive.request.InvalidParameterException;
import org.newsarchive.request.NotFoundException;
import org.newsarchive.request.SearchParameters;
import org.newsarchive.request.SearchQuery;
import org.newsarchive.search.FacetOptions;
import org.newsarchive.search.SearchHit;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchResults;
import org.newsarchive.search.SearchService;
import org.newsarchive.search.TitleCompletion;
import org.newsarchive.store.RawStore;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Searching, listing and describing the archive. */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
@Tag(name = "Search", description = "Find articles and describe the archive")
class SearchApiController {

    private static final int MAX_SUGGESTIONS = TitleCompletion.MAX_SUGGESTIONS;

    private static final String FIELDS = "The record fields of each hit, comma-separated (any field of the article"
            + " record but copies; `text` and `html` read each whole article), beside its id, url, titleHighlighted,"
            + " snippet, score and copies; default title, publisher, channel, authors, publishedAt, sourceUrl";

    private final SearchService search;
    private final RawStore rawStore;
    private final JsonMapper json;

    private final CaptureView images;

    SearchApiController(SearchService search, RawStore rawStore, JsonMapper json, CaptureView images) {
        this.images = images;
        this.search = search;
        this.rawStore = rawStore;
        this.json = json;
    }

    @GetMapping("/search")
    @Operation(
            summary = "Search articles",
            description = "One page of hits with highlighted titles and snippets, copies of one story shown once, "
                    + "and facet counts per dimension (each counted with the other dimensions' filters). When no "
                    + "article has every term, articles with any term are returned and `fallback` says so.")
    ResponseEntity<SearchResponse> search(
            @ParameterObject SearchQuery query,
            @Parameter(description = FIELDS) @RequestParam(required = false) String fields) {
        return page(query, fields, "/api/search");
    }

    /** One page of results with its links, in the body and in the {@code Link} header. */
    private ResponseEntity<SearchResponse> page(SearchQuery query, String fields, String path) {
        SearchRequest request = query.request();
        HitFields hitFields = HitFields.parse(fields);
        SearchResults results = search.search(request);
        String baseUrl = ApiRequests.baseUrl();
        List<ObjectNode> hits = results.hits().stream()
                .map(hit -> hitFields.of(hit, article(hit, hitFields), baseUrl, images, json))
                .toList();
        PageLinks links = PageLinks.of(ApiRequests.firstPage(path), request, results);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (links.header() != null) {
            response.header(HttpHeaders.LINK, links.header());
        }
        return response.body(SearchResponse.of(results, links, hits));
    }

    /**
     * The hit's article as its fields need it: whole when they include its text or HTML, which hits leave out.
     * An article deleted since the search is given as the search found it.
     */
    private Article article(SearchHit hit, HitFields fields) {
        if (!fields.needsBody()) {
            return hit.article();
        }
        return search.find(hit.article().id()).orElse(hit.article());
    }

    @GetMapping("/articles")
    @Operation(
            operationId = "listArticles",
            summary = "List articles",
            description = "Like search, newest first unless `sort` says otherwise; `q` is optional.")
    ResponseEntity<SearchResponse> list(
            @ParameterObject SearchQuery query,
            @Parameter(description = FIELDS) @RequestParam(required = false) String fields) {
        return page(query, fields, "/api/articles");
    }

    @GetMapping("/suggest")
    @Operation(
            summary = "Complete a title",
            description = "Titles starting with the text first, then titles containing it.")
    List<String> suggest(
            @Parameter(description = "What the reader has typed") @RequestParam String q,
            @Parameter(description = "How many titles, 1 to 20") @RequestParam(defaultValue = "10") int size) {
        if (size < 1 || size > MAX_SUGGESTIONS) {
            throw new InvalidParameterException("size", "must be from 1 to " + MAX_SUGGESTIONS + ", was: " + size);
        }
        if (q.length() > 100) {
            throw new InvalidParameterException("q", "must be at most 100 characters");
        }
        return search.suggest(q, size);
    }

    @GetMapping("/facets/{name}")
    @Operation(
            summary = "All values of a facet",
            description = "Every value with its article count, most frequent first (facetSort=value: in value"
                    + " order), over the whole archive or over the articles matching q, the filters and the dates"
                    + " (the facet's own filter left out, as in search results). Names: publisher, channel, tag,"
                    + " category, language, year, year_month (or year-month). page, size, cursor and facetSize"
                    + " do not apply.")
    FacetValues facet(
            @Parameter(description = "The facet's name") @PathVariable String name,
            @ParameterObject SearchQuery query) {
        String dimension = name.replace('-', '_');
        if (!SearchParameters.FILTERS.contains(dimension)) {
            throw new NotFoundException("no facet named " + name + "; facets are " + SearchParameters.FILTERS);
        }
        SearchParameters parameters = query.parameters();
        FacetOptions every = FacetOptions.all(query.facetOrder());
        if (parameters.query().isEmpty() && !parameters.hasFilters()) {
            return new FacetValues(dimension, every.apply(search.facetValues(dimension)));
        }
        SearchResults counted = search.search(parameters
                .toRequest(0)
                .withAnyTermFallback(query.anyTermFallback())
                .withFacets(every));
        return new FacetValues(dimension, counted.facets().getOrDefault(dimension, List.of()));
    }

    @GetMapping("/stats")
    @Operation(summary = "What the archive holds", description = "Counts, date span, index size and last ingest.")
    ArchiveStats stats() {
        return ArchiveStats.of(search, rawStore);
    }
}
