package org.newsarchive.capture.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.newsarchive.article.Article;
import org.newsarchive.capture.CaptureStore;
import org.newsarchive.capture.fetch.Fetcher;
import org.newsarchive.capture.fetch.Response;
import org.newsarchive.ingest.ArticleSink;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchService;
import org.newsarchive.search.SortOrder;

/**
 * Checks what became of articles' original URLs: a {@code HEAD}, and a {@code GET} of at most {@value #PAGE_BYTES}
 * bytes where the host refuses {@code HEAD} or answers a page, whose title may say it is a soft 404. Every request
 * is a capture; what each check concluded goes to {@link LinkChecks}. The articles whose original a check finds in
 * another state than before are indexed again, so that searches filter and facet by it, and committed at the end of
 * the run. Thread-safe; one run at a time is expected.
 */
public final class OriginalCheck {

    /** How much of a page a check reads: enough for its title. */
    static final int PAGE_BYTES = 64 * 1024;

    private final SearchService search;
    private final Supplier<ArticleSink> index;
    private final CaptureStore captures;
    private final LinkChecks checks;
    private final Fetcher fetcher;
    private final Clock clock;
    private final int threads;

    /**
     * @param index where articles are indexed again when their original changes state; asked for only then, so that
     *     a run that changes nothing writes nothing
     */
    public OriginalCheck(
            SearchService search,
            Supplier<ArticleSink> index,
            CaptureStore captures,
            LinkChecks checks,
            Fetcher fetcher,
            Clock clock,
            int threads) {
        this.search = search;
        this.index = index;
        this.captures = captures;
        this.checks = checks;
        this.fetcher = fetcher;
        this.clock = clock;
        this.threads = Math.max(1, threads);
    }

    /**
     * Checks the originals of the articles with {@code ids} (of every article when empty), at most {@code limit}
     * URLs (no limit when 0 or less); {@code started} learns how many will be checked, and {@code done} sees each
     * check as it ends.
     *
     * @return how many checks found each status
     * @throws NoSuchElementException when an id names no article
     */
    public Map<OriginalStatus, Integer> run(List<String> ids, int limit, IntConsumer started, Consumer<LinkCheck> done)
            throws InterruptedException {
        Map<String, List<String>> articlesByUrl = new LinkedHashMap<>();
        Consumer<Article> collect = article -> {
            if (article.sourceUrl() != null && !article.sourceUrl().isBlank()) {
                articlesByUrl
                        .computeIfAbsent(article.sourceUrl(), url -> new ArrayList<>(1))
                        .add(article.id());
            }
        };
        if (ids.isEmpty()) {
            search.forEachMatch(
                    new SearchRequest("", Map.of(), null, null, SortOrder.NEWEST, 1, SearchRequest.DEFAULT_SIZE),
                    collect);
        } else {
            for (String id : ids) {
                collect.accept(
                        search.find(id).orElseThrow(() -> new NoSuchElementException("no article has the id " + id)));
            }
        }
        List<String> chosen = new ArrayList<>(articlesByUrl.keySet());
        if (limit > 0 && chosen.size() > limit) {
            chosen = chosen.subList(0, limit);
        }
        started.accept(chosen.size());
        Map<OriginalStatus, Integer> counts = new EnumMap<>(OriginalStatus.class);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, chosen.size())), task -> {
            Thread thread = new Thread(task, "capture-links");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<LinkCheck>> tasks = new ArrayList<>();
            Map<String, OriginalStatus> before = new HashMap<>();
            for (String url : chosen) {
                before.put(url, checks.original(url).status());
                tasks.add(pool.submit(() -> check(url)));
            }
            List<String> changed = new ArrayList<>();
            for (Future<LinkCheck> task : tasks) {
                LinkCheck check;
                try {
                    check = task.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof UncheckedIOException io) {
                        throw io;
                    }
                    throw new IllegalStateException(e.getCause());
                }
                counts.merge(check.found(), 1, Integer::sum);
                if (checks.original(check.url()).status() != before.get(check.url())) {
                    changed.addAll(articlesByUrl.get(check.url()));
                }
                done.accept(check);
            }
            reindex(changed);
        } finally {
            pool.shutdownNow();
        }
        return counts;
    }

    /** Indexes the articles again, with their originals' new state, and commits them. */
    private void reindex(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        ArticleSink sink = index.get();
        for (String id : ids) {
            sink.history(id).ifPresent(sink::save);
        }
        sink.commit();
    }

    /** Checks one original URL and records the check. */
    LinkCheck check(String url) throws InterruptedException {
        Instant started = clock.instant();
        LinkCheck check;
        try {
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException malformed) {
                check = new LinkCheck(url, started, OriginalStatus.UNCHECKED, 0, url, "not a URL");
                checks.append(check);
                return check;
            }
            Fetcher.Chain head = fetcher.follow(uri, "HEAD", 0, captures::record);
            int status = head.last() instanceof Response response ? response.status() : 0;
            boolean page = head.last() instanceof Response response && isPage(response);
            if (status == 405 || status == 501 || (status >= 200 && status < 300 && page)) {
                String[] title = {null};
                Fetcher.Chain get = fetcher.follow(uri, "GET", PAGE_BYTES, attempt -> {
                    captures.record(attempt);
                    if (attempt instanceof Response response && !response.isRedirect() && isPage(response)) {
                        title[0] = title(response);
                    }
                });
                check = LinkClassifier.classify(uri, started, get, title[0]);
            } else {
                check = LinkClassifier.classify(uri, started, head, null);
            }
            checks.append(check);
        } catch (IOException e) {
            throw new UncheckedIOException("the check of " + url + " could not be written", e);
        }
        return check;
    }

    private static boolean isPage(Response response) {
        String type = response.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        return type.startsWith("text/html") || type.startsWith("application/xhtml");
    }

    private static String title(Response response) throws IOException {
        try (InputStream in = Files.newInputStream(response.body())) {
            String title = Jsoup.parse(in, null, response.url().toString()).title();
            return title.isBlank() ? null : title;
        }
    }
}
