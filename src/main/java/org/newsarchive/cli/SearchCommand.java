package org.newsarchive.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.newsarchive.representation.CaptureView;
import org.newsarchive.representation.HitFields;
import org.newsarchive.representation.PageLinks;
import org.newsarchive.representation.SearchResponse;
import org.newsarchive.request.InvalidParameterException;
import org.newsarchive.request.SearchParameters;
import org.newsarchive.search.SearchHit;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchResults;
import org.newsarchive.search.SearchService;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code search QUERY}: the top hits as a table, or the API's JSON. */
@Component
@Scope("prototype")
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description = "Search the archive and print the best hits.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:searched (even with no hits)", "2:usage error"})
final class SearchCommand implements Callable<Integer> {

    private static final int TITLE_WIDTH = 40;

    @Mixin
    SearchOptions search;

    @Option(names = "--size", defaultValue = "10", description = "Hits to print, 1 to 100 (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--page", defaultValue = "1", description = "Page of hits, from 1.")
    int page;

    @Option(names = "--json", description = "Print the JSON of GET /api/search instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final SearchService searchService;
    private final JsonMapper jsonMapper;

    private final CaptureView images;

    SearchCommand(SearchService searchService, JsonMapper jsonMapper, CaptureView images) {
        this.images = images;
        this.searchService = searchService;
        this.jsonMapper = jsonMapper;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (size < 1 || size > SearchRequest.MAX_SIZE) {
            spec.commandLine().getErr().println("search: --size must be from 1 to " + SearchRequest.MAX_SIZE);
            return 2;
        }
        SearchParameters parameters;
        try {
            parameters = search.parameters(page);
        } catch (InvalidParameterException e) {
            spec.commandLine().getErr().println("search: " + e.getMessage());
            return 2;
        }
        SearchRequest request = parameters.toRequest(size);
        SearchResults results = searchService.search(request);
        if (json) {
            String firstPage = parameters.withPage(1).href("/api/search");
            if (size != SearchRequest.DEFAULT_SIZE) {
                firstPage += (firstPage.contains("?") ? "&" : "?") + "size=" + size;
            }
            PageLinks links = PageLinks.of(firstPage, request, results);
            var hits = results.hits().stream()
                    .map(hit -> HitFields.DEFAULT.of(hit, hit.article(), "", images, jsonMapper))
                    .toList();
            out.println(jsonMapper
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(SearchResponse.of(results, links, hits)));
        } else {
            printTable(results, out);
        }
        out.flush();
        return 0;
    }

    private static void printTable(SearchResults results, PrintWriter out) {
        out.printf(
                "%s%s %s (%d ms)%s%n",
                results.totalIsExact() ? "" : "more than ",
                results.total(),
                results.total() == 1 ? "matching article" : "matching articles",
                results.tookMs(),
                switch (results.fallback()) {
                    case NONE -> "";
                    case PLAIN_TERMS -> "; the syntax was broken, searched as plain terms";
                    case ANY_TERM -> "; no article has every term, these have some";
                });
        int rank = (results.page() - 1) * results.size();
        for (SearchHit hit : results.hits()) {
            var article = hit.article();
            out.printf(
                    "%3d  %-10s  %-16s  %s  %s%s%s%n",
                    ++rank,
                    article.publishedAt() == null ? "-" : article.publishedAt().date(),
                    article.id(),
                    article.publisher() == null ? "-" : article.publisher(),
                    shorten(article.title()),
                    hit.copies() > 1 ? "  (" + hit.copies() + " copies)" : "",
                    hit.matchedVersion() == null
                            ? ""
                            : "  (found in version " + hit.matchedVersion() + " of " + article.versionCount() + ")");
        }
    }

    private static String shorten(String title) {
        return title.length() <= TITLE_WIDTH ? title : title.substring(0, TITLE_WIDTH - 1) + "…";
    }
}
