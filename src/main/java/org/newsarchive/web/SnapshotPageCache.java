package org.newsarchive.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.newsarchive.search.SearchService;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves the pages that depend only on what the archive holds (home, about, browse lists, timeline) once per search
 * snapshot: the first request after a change renders the page, the next ones get the same bytes, and a client that
 * sends the page's {@code ETag} back gets a 304. The ETag is weak (the bytes sent may be compressed or not), and a
 * refresh of the index makes a new page. Only plain GET and
 * HEAD requests of the listed paths, without a query string, are served from here; a page is kept per interface
 * language and host (pages hold absolute links). At most {@value #MAX_ENTRIES} pages are kept. Thread-safe.
 */
final class SnapshotPageCache extends OncePerRequestFilter {

    static final Set<String> PATHS = Set.of("/", "/about", "/publishers", "/tags", "/timeline");
    private static final int MAX_ENTRIES = 64;

    /** A rendered page, kept both as it is and gzip-compressed, so that no request compresses it again. */
    private record Page(
            String version, String etag, byte[] body, byte[] gzipped, String contentType, String contentLanguage) {}

    /** Tells this process's pages apart from those of an earlier run on another index with the same version. */
    private final String processId = UUID.randomUUID().toString().substring(0, 8);

    private final SearchService search;
    private final LocaleResolver locales;
    private final Map<String, Page> pages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Page> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    SnapshotPageCache(SearchService search, LocaleResolver locales) {
        this.search = search;
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !(method.equals("GET") || method.equals("HEAD"))
                || request.getQueryString() != null
                || !PATHS.contains(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> snapshot = search.snapshotVersion();
        if (snapshot.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String version = snapshot.get();
        Locale locale = locales.resolveLocale(request);
        String key = request.getRequestURI() + '\n' + locale.toLanguageTag() + '\n' + request.getScheme() + "://"
                + request.getHeader(HttpHeaders.HOST);
        Page page;
        synchronized (pages) {
            page = pages.get(key);
        }
        if (page == null || !page.version().equals(version)) {
            page = render(request, response, chain, key, version, locale);
            if (page == null) {
                return;
            }
        } else if (notModified(request, response, page)) {
            return;
        }
        send(request, response, page);
    }

    /** Renders the page; null when the answer is not a cacheable 200, which has then been sent as it came. */
    private Page render(
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            String key,
            String version,
            Locale locale)
            throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, captured);
        if (captured.getStatus() != HttpServletResponse.SC_OK || captured.getContentType() == null) {
            captured.copyBodyToResponse();
            return null;
        }
        String etag = "W/\""
                + processId
                + '-'
                + version
                + '-'
                + locale.toLanguageTag()
                + '-'
                + Integer.toHexString(key.hashCode())
                + '"';
        byte[] body = captured.getContentAsByteArray();
        Page page = new Page(
                version,
                etag,
                body,
                gzip(body),
                captured.getContentType(),
                captured.getHeader(HttpHeaders.CONTENT_LANGUAGE));
        synchronized (pages) {
            pages.put(key, page);
        }
        captured.resetBuffer();
        return page;
    }

    private static boolean notModified(HttpServletRequest request, HttpServletResponse response, Page page) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch == null || !ifNoneMatch.contains(page.etag())) {
            return false;
        }
        response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        response.setHeader(HttpHeaders.ETAG, page.etag());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        return true;
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(body);
        }
        return compressed.toByteArray();
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        for (Enumeration<String> values = request.getHeaders(HttpHeaders.ACCEPT_ENCODING); values.hasMoreElements(); ) {
            for (String coding : values.nextElement().split(",")) {
                String[] parts = coding.strip().split(";");
                if (parts[0].strip().equalsIgnoreCase("gzip")
                        && !parts[parts.length - 1].replace(" ", "").equals("q=0")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void send(HttpServletRequest request, HttpServletResponse response, Page page) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(page.contentType());
        if (page.contentLanguage() != null) {
            response.setHeader(HttpHeaders.CONTENT_LANGUAGE, page.contentLanguage());
        }
        response.setHeader(HttpHeaders.ETAG, page.etag());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        byte[] body = page.body();
        if (acceptsGzip(request)) {
            body = page.gzipped();
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setContentLength(body.length);
        if (!request.getMethod().equals("HEAD")) {
            response.getOutputStream().write(body);
        }
    }
}
