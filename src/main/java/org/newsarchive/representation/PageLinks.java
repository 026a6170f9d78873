package org.newsarchive.representation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
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
     * The links of a page of {@code results}.
     *
     * @param firstPage the absolute address of the first page of the same search: every parameter the client sent
     *     but {@code page} and {@code cursor}, so that size, fields, fallback and facet options carry over
     * @param request the request the engine ran, for its size and cursor
     */
    public static PageLinks of(String firstPage, SearchRequest request, SearchResults results) {
        if (request.walksWithCursor()) {
            return new PageLinks(
                    withParameter(firstPage, "cursor", SearchRequest.FIRST_CURSOR),
                    null,
                    results.nextCursor() == null ? null : withParameter(firstPage, "cursor", results.nextCursor()));
        }
        int page = results.page();
        int lastPage = SearchService.lastPage(request.size());
        boolean more = request.size() > 0
                && results.hits().size() == request.size()
                && (long) page * request.size() < results.total()
                && page < lastPage;
        return new PageLinks(
                firstPage,
                page > 1 ? pageAddress(firstPage, page - 1) : null,
                more ? pageAddress(firstPage, page + 1) : null);
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

    /**
     * The address of the first page of a search at {@code path}: the parameters given, in their order, without
     * {@code page} and {@code cursor}.
     */
    public static String firstPage(String baseUrl, String path, Map<String, String[]> parameters) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        parameters.forEach((name, values) -> {
            if (!name.equals("page") && !name.equals("cursor")) {
                for (String value : values) {
                    query.add(encode(name) + "=" + encode(value));
                }
            }
        });
        return baseUrl + path + query;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String pageAddress(String address, int page) {
        return page == 1 ? address : withParameter(address, "page", Integer.toString(page));
    }

    private static String withParameter(String address, String name, String value) {
        return address + (address.contains("?") ? "&" : "?") + name + "=" + encode(value);
    }
}
