package org.newsarchive.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.commons.codec.digest.DigestUtils;
import org.newsarchive.ingest.normalize.ArticleNormalizer;
import org.newsarchive.ingest.normalize.IngestProblem;
import org.newsarchive.ingest.normalize.NormalizationResult;
import org.newsarchive.store.RawStore;

/**
 * Ingests batches of files: keeps every file's bytes in the raw store, normalizes it, and hands the article to the
 * sink.
 *
 * <p>Files are normalized in parallel on {@code threads} threads. A file that cannot be read or yields no article is
 * reported as failed and the batch goes on; its bytes are kept all the same, so nothing given to the archive is
 * lost. The sink is committed every {@code commitEvery} files and at the end of the batch, so a killed ingest
 * keeps what it committed, and running it again completes the set (unchanged files are recognized and skipped).
 * Thread-safe, but batches should not overlap.
 */
public final class IngestService {

    /**
     * Files between intermediate commits unless configured, so that a killed ingest keeps most of its work. A commit
     * flushes the writer's buffer into a segment, and small segments cost merges later: committing every 2,000 files
     * made segments of a few megabytes, each rewritten several times as they merged.
     */
    public static final int DEFAULT_COMMIT_EVERY = 10_000;

    private final ArticleNormalizer normalizer;
    private final RawStore rawStore;
    private final ArticleSink sink;
    private final long maxFileBytes;
    private final int threads;
    private final int commitEvery;
    private final Clock clock;
    /** One ingest or reindex at a time per archive: a second one waits for the first to finish. */
    private final ReentrantLock running = new ReentrantLock();

    public IngestService(
            ArticleNormalizer normalizer,
            RawStore rawStore,
            ArticleSink sink,
            long maxFileBytes,
            int threads,
            Clock clock) {
        this(normalizer, rawStore, sink, maxFileBytes, threads, DEFAULT_COMMIT_EVERY, clock);
    }

    /** @param commitEvery files between intermediate commits of a batch */
    public IngestService(
            ArticleNormalizer normalizer,
            RawStore rawStore,
            ArticleSink sink,
            long maxFileBytes,
            int threads,
            int commitEvery,
            Clock clock) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        if (commitEvery < 1) {
            throw new IllegalArgumentException("commitEvery must be at least 1, was " + commitEvery);
        }
        this.commitEvery = commitEvery;
        this.normalizer = normalizer;
        this.rawStore = rawStore;
        this.sink = sink;
        this.maxFileBytes = maxFileBytes;
        this.threads = threads;
        this.clock = clock;
    }

    /**
     * Ingests the files under {@code roots}.
     *
     * @param dryRun when true, files are read and normalized but nothing is written
     * @throws IllegalArgumentException when a root does not exist
     */
    public IngestReport ingest(List<Path> roots, boolean dryRun, IngestProgress progress) {
        return ingestSources(SourceFiles.find(roots), dryRun, progress);
    }

    /**
     * Ingests every file under {@code folder}, whatever its name: an upload, where each file was sent to be ingested,
     * so each one is reported, a file that is no article (a PDF, an image) as failed with the reason.
     */
    public IngestReport ingestEveryFile(Path folder, IngestProgress progress) {
        return ingestSources(SourceFiles.every(folder), false, progress);
    }

    /** Ingests some files of a folder, each named by its path under {@code root}. */
    public IngestReport ingestFiles(Path root, List<Path> files, IngestProgress progress) {
        return ingestSources(SourceFiles.under(root, files), false, progress);
    }

    private IngestReport ingestSources(List<SourceFiles.SourceFile> files, boolean dryRun, IngestProgress progress) {
        running.lock();
        try {
            return ingestNow(files, dryRun, progress);
        } finally {
            running.unlock();
        }
    }

    private IngestReport ingestNow(List<SourceFiles.SourceFile> files, boolean dryRun, IngestProgress progress) {
        long totalBytes = files.stream().mapToLong(file -> sizeOf(file.file())).sum();
        progress.started(files.size(), totalBytes);
        Instant start = clock.instant();
        OrderedSaves saves = new OrderedSaves(sink);
        AtomicInteger done = new AtomicInteger();
        List<FileOutcome> outcomes = inParallel(
                files,
                (file, order) -> {
                    FileOutcome outcome = ingestOne(file, dryRun, saves, order);
                    progress.fileDone(outcome, sizeOf(file.file()));
                    if (!dryRun && done.incrementAndGet() % commitEvery == 0) {
                        sink.commit();
                    }
                    return outcome;
                },
                SourceFiles.SourceFile::relativePath);
        if (!dryRun) {
            sink.commit();
        }
        return new IngestReport(outcomes, totalBytes, Duration.between(start, clock.instant()));
    }

    /**
     * Rebuilds the sink from the raw store alone: every stored file is normalized again, in parallel, and where
     * several files give one article the one ingested last wins, as it did originally.
     */
    public IngestReport reindex(IngestProgress progress) {
        running.lock();
        try {
            return reindexNow(progress);
        } finally {
            running.unlock();
        }
    }

    private IngestReport reindexNow(IngestProgress progress) {
        List<RawStore.SourceEntry> sources = rawStore.distinctSources();
        progress.started(sources.size(), 0);
        Instant start = clock.instant();
        sink.deleteAll();
        long[] bytes = new long[1];
        OrderedSaves saves = new OrderedSaves(sink);
        List<FileOutcome> outcomes = inParallel(
                sources,
                (source, order) -> {
                    byte[] content = rawStore.read(source.sha256()).orElse(null);
                    FileOutcome outcome = content == null
                            ? failed(source.path(), "missing from the raw store: " + source.sha256())
                            : rebuildOne(content, source, saves, order);
                    synchronized (bytes) {
                        bytes[0] += content == null ? 0 : content.length;
                    }
                    progress.fileDone(outcome, content == null ? 0 : content.length);
                    return outcome;
                },
                RawStore.SourceEntry::path);
        sink.commit();
        return new IngestReport(outcomes, bytes[0], Duration.between(start, clock.instant()));
    }

    private FileOutcome rebuildOne(byte[] content, RawStore.SourceEntry source, OrderedSaves saves, int order) {
        if (content.length > maxFileBytes) {
            return failed(source.path(), oversized(content.length));
        }
        NormalizationResult result = normalizer.normalize(content, source.sha256(), source.path(), source.storedAt());
        if (result instanceof NormalizationResult.Normalized normalized) {
            saves.save(normalized.article(), order);
            return new FileOutcome(
                    source.path(),
                    FileOutcome.Status.INGESTED,
                    normalized.article().id(),
                    result.problems());
        }
        return new FileOutcome(source.path(), FileOutcome.Status.FAILED, null, result.problems());
    }

    /** Ingests one file given as bytes, for uploads; {@code path} is recorded as its provenance. */
    public FileOutcome ingestBytes(byte[] bytes, String path) {
        if (bytes.length > maxFileBytes) {
            return keptButOversized(rawStore.put(bytes), path, bytes.length);
        }
        FileOutcome outcome = process(bytes, path, false, new OrderedSaves(sink), 0);
        sink.commit();
        return outcome;
    }

    private FileOutcome ingestOne(SourceFiles.SourceFile file, boolean dryRun, OrderedSaves saves, int order) {
        String path = file.relativePath();
        try {
            long size = Files.size(file.file());
            if (size > maxFileBytes) {
                if (dryRun) {
                    return failed(path, oversized(size));
                }
                try (InputStream in = Files.newInputStream(file.file())) {
                    return keptButOversized(rawStore.put(in), path, size);
                }
            }
            return process(Files.readAllBytes(file.file()), path, dryRun, saves, order);
        } catch (IOException | RuntimeException e) {
            return failed(path, "cannot read file: " + e.getMessage());
        }
    }

    /**
     * Keeps the bytes (unless a dry run), then normalizes them; the caller has checked their size. The raw store's
     * hash is the article's provenance, so each file is hashed once.
     */
    private FileOutcome process(byte[] bytes, String path, boolean dryRun, OrderedSaves saves, int order) {
        Instant now = clock.instant();
        String sha256;
        if (dryRun) {
            sha256 = DigestUtils.sha256Hex(bytes);
        } else {
            sha256 = rawStore.put(bytes);
            rawStore.recordSource(sha256, path, now);
        }
        NormalizationResult result = normalizer.normalize(bytes, sha256, path, now);
        if (result instanceof NormalizationResult.Normalized normalized) {
            var article = normalized.article();
            if (sink.holdsSame(article)) {
                return new FileOutcome(path, FileOutcome.Status.UNCHANGED, article.id(), result.problems());
            }
            if (!dryRun) {
                saves.save(article, order);
            }
            return new FileOutcome(path, FileOutcome.Status.INGESTED, article.id(), result.problems());
        }
        return new FileOutcome(path, FileOutcome.Status.FAILED, null, result.problems());
    }

    /** Runs {@code work} on every item and its position on the ingest threads; outcomes keep the items' order. */
    private <T> List<FileOutcome> inParallel(
            List<T> items, BiFunction<T, Integer, FileOutcome> work, Function<T, String> path) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "ingest");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<FileOutcome>> futures = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                T item = items.get(i);
                int order = i;
                futures.add(pool.submit(() -> work.apply(item, order)));
            }
            List<FileOutcome> outcomes = new ArrayList<>(items.size());
            for (int i = 0; i < futures.size(); i++) {
                outcomes.add(await(futures.get(i), path.apply(items.get(i))));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static FileOutcome await(Future<FileOutcome> future, String path) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            return failed(path, "ingest error: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(path, "ingest interrupted");
        }
    }

    /** A file over the size limit: its bytes are kept all the same, under its path, and it is reported failed. */
    private FileOutcome keptButOversized(String sha256, String path, long size) {
        rawStore.recordSource(sha256, path, clock.instant());
        return failed(path, oversized(size));
    }

    private String oversized(long size) {
        return "file is " + size + " bytes, over the limit of " + maxFileBytes + " bytes";
    }

    private static FileOutcome failed(String path, String reason) {
        return new FileOutcome(path, FileOutcome.Status.FAILED, null, List.of(IngestProblem.error(reason)));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
