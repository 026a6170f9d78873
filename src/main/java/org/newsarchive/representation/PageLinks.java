package org.newsarchive.representation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.newsarchive.request.SearchParameters;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchResults;
import org.newsarchive.search.SearchService;

/**
 * The absolute addresses of the pages around one page of results, as a script follows them: in the response body
 * and as an RFC 8288 {@code Link} header, the way GitHub's REST API pages.
 *
 * @param first the first page, or the start of the cursor walk
 * @param prev the page before, or null on the first page and in a cursor walk (cursors go forward only)
 * @param next the page after, or null after the last one
 */
public record PageLinks(String first, String prev, String next) {

    /**
     * The links of a page of {@code results} served under {@code path}.
     *
     * @param baseUrl the archive's address as the client reached it
     * @param parameters the search, whose page number is the page served
     * @param request the request the engine ran, for its size and cursor
     */
    public static PageLinks of(
            String baseUrl, String path, SearchParameters parameters, SearchRequest request, SearchResults results) {
        String address = baseUrl + parameters.withPage(1).href(path);
        if (request.size() != SearchRequest.DEFAULT_SIZE) {
            address = withParameter(address, "size", Integer.toString(request.size()));
        }
        if (request.walksWithCursor()) {
            return new PageLinks(
                    withParameter(address, "cursor", SearchRequest.FIRST_CURSOR),
                    null,
                    results.nextCursor() == null ? null : withParameter(address, "cursor", results.nextCursor()));
        }
        int page = results.page();
        int lastPage = SearchService.lastPage(request.size());
        boolean more = request.size() > 0
                && results.hits().size() == request.size()
                && (long) page * request.size() < results.total()
                && page < lastPage;
        return new PageLinks(
                address,
                page > 1 ? pageAddress(address, page - 1) : null,
                more ? pageAddress(address, page + 1) : null);
    }

    /** The {@code Link} header's value, or null when there is no link to give. */
    public String header() {
        List<String> links = new ArrayList<>(3);
        add(links, next, "next");
        add(links, prev, "prev");
        add(links, first, "first");
        return links.isEmpty() ? null : String.join(", ", links);
    }

    private static void add(List<String> links, String address, String relation) {
        if (address != null) {
            links.add("<" + address + ">; rel=\"" + relation + "\"");
        }
    }

    private static String pageAddress(String address, int page) {
        return page == 1 ? address : withParameter(address, "page", Integer.toString(page));
    }

    private static String withParameter(String address, String name, String value) {
        return address + (address.contains("?") ? "&" : "?") + name + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
