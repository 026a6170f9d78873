package org.newsarchive.capture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.newsarchive.article.Article;
import org.newsarchive.article.ArticleImage;
import org.newsarchive.article.ArticleVideo;
import org.newsarchive.capture.fetch.Fetcher;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchService;
import org.newsarchive.search.SortOrder;

/**
 * Captures the images of archived articles (their lead images, the images of their bodies and the posters of their
 * videos) that have no capture to show yet, so that a reader sees them after their hosts are gone. Each
 * fetch, redirects included, is a capture in the {@link CaptureStore}; a rerun fetches only what is still missing.
 * Fetches run on a few threads, never two to one host at once (the {@link Fetcher} sees to that). Thread-safe; one
 * run at a time is expected.
 */
public final class MediaCapture {

    /** Where a run stands, for a progress bar. Called from the capture threads. */
    public interface Progress {

        Progress NONE = new Progress() {
            @Override
            public void started(int urls) {}

            @Override
            public void captured(String url, Capture last) {}
        };

        /** The run found {@code urls} images to fetch. */
        void started(int urls);

        /** One image is done; {@code last} is the capture its fetch ended on. */
        void captured(String url, Capture last);
    }

    private final SearchService search;
    private final CaptureStore store;
    private final Fetcher fetcher;
    private final int threads;

    public MediaCapture(SearchService search, CaptureStore store, Fetcher fetcher, int threads) {
        this.search = search;
        this.store = store;
        this.fetcher = fetcher;
        this.threads = Math.max(1, threads);
    }

    /**
     * Captures the images still missing of the articles with {@code ids} (of every article when empty), at most
     * {@code limit} of them (no limit when 0 or less).
     *
     * @throws java.util.NoSuchElementException when an id names no article
     */
    public CaptureSummary run(List<String> ids, int limit, Progress progress) throws InterruptedException {
        Set<String> urls = new LinkedHashSet<>();
        if (ids.isEmpty()) {
            search.forEachMatch(
                    new SearchRequest("", Map.of(), null, null, SortOrder.NEWEST, 1, SearchRequest.DEFAULT_SIZE),
                    article -> urls.addAll(images(article)));
        } else {
            for (String id : ids) {
                urls.addAll(images(search.find(id)
                        .orElseThrow(() -> new java.util.NoSuchElementException("no article has the id " + id))));
            }
        }
        return captureMissing(urls, limit, progress);
    }

    /** Captures the images still missing of {@code articles}, as {@link #run} does for the articles it reads. */
    public CaptureSummary runFor(List<Article> articles, int limit, Progress progress) throws InterruptedException {
        Set<String> urls = new LinkedHashSet<>();
        articles.forEach(article -> urls.addAll(images(article)));
        return captureMissing(urls, limit, progress);
    }

    private CaptureSummary captureMissing(Set<String> urls, int limit, Progress progress) throws InterruptedException {
        CaptureSummary.Counter summary = new CaptureSummary.Counter();
        List<String> missing = new ArrayList<>();
        for (String url : urls) {
            if (isCaptured(url)) {
                summary.alreadyCaptured();
            } else if (limit <= 0 || missing.size() < limit) {
                missing.add(url);
            }
        }
        captureAll(missing, summary, progress);
        return summary.summary();
    }

    /**
     * Captures each of {@code urls}, whether captured before or not: the fetching part of {@link #run}, for callers
     * that know their URLs (and for the capture benchmark).
     */
    public CaptureSummary capture(List<String> urls, Progress progress) throws InterruptedException {
        CaptureSummary.Counter summary = new CaptureSummary.Counter();
        captureAll(urls, summary, progress);
        return summary.summary();
    }

    private void captureAll(List<String> missing, CaptureSummary.Counter summary, Progress progress)
            throws InterruptedException {
        progress.started(missing.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, missing.size())), task -> {
            Thread thread = new Thread(task, "capture-media");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (String url : missing) {
                tasks.add(pool.submit(() -> {
                    Capture last = capture(url);
                    summary.add(last);
                    progress.captured(url, last);
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                try {
                    task.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof UncheckedIOException io) {
                        throw io;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The image URLs of {@code article}, in page order: lead image, body images, video posters. */
    static Set<String> images(Article article) {
        Set<String> urls = new LinkedHashSet<>();
        if (article.leadImage() != null) {
            urls.add(article.leadImage().url());
        }
        for (ArticleImage image : article.images()) {
            urls.add(image.url());
        }
        for (ArticleVideo video : article.videos()) {
            if (video.poster() != null) {
                urls.add(video.poster());
            }
        }
        return urls;
    }

    /** Whether the image has a capture to show; an error page is fetched again, as the image may be back. */
    private boolean isCaptured(String url) {
        return store.image(url).isPresent();
    }

    private Capture capture(String url) throws InterruptedException {
        if (DataUrls.isDataUrl(url)) {
            try {
                return store.recordDataUrl(url);
            } catch (IllegalArgumentException undecodable) {
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException("the capture of a data: URL could not be written", e);
            }
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException malformed) {
            return null;
        }
        Capture[] last = new Capture[1];
        try {
            fetcher.follow(uri, "GET", attempt -> last[0] = store.record(attempt));
        } catch (IOException e) {
            throw new UncheckedIOException("the capture of " + url + " could not be written", e);
        }
        return last[0];
    }
}
