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
import org.newsarchive.store.RawStore;

/**
 * Ingests batches of files: keeps every file's bytes in the raw store, normalizes it, and hands the article to the
 * sink.
 *
 * <p>Files are normalized in parallel on {@code threads} threads. A file that cannot be read or yields no article is
 * reported as failed and the batch goes on; its bytes are kept all the same, so nothing given to the archive is
 * lost. The sink is committed once at the end of the batch. Thread-safe, but batches should not overlap.
 */
public final class IngestService {

    private final ArticleNormalizer normalizer;
    private final RawStore rawStore;
    private final ArticleSink sink;
    private final long maxFileBytes;
    private final int threads;
    private final Clock clock;

    public IngestService(
            ArticleNormalizer normalizer,
            RawStore rawStore,
            ArticleSink sink,
            long maxFileBytes,
            int threads,
            Clock clock) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
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
        List<SourceFiles.SourceFile> files = SourceFiles.find(roots);
        long totalBytes = files.stream().mapToLong(file -> sizeOf(file.file())).sum();
        progress.started(files.size(), totalBytes);
        Instant start = clock.instant();
        List<FileOutcome> outcomes = new ArrayList<>(files.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "ingest");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<FileOutcome>> futures = new ArrayList<>(files.size());
            for (SourceFiles.SourceFile file : files) {
                futures.add(pool.submit(() -> {
                    FileOutcome outcome = ingestOne(file, dryRun);
                    progress.fileDone(outcome, sizeOf(file.file()));
                    return outcome;
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                outcomes.add(await(futures.get(i), files.get(i)));
            }
        } finally {
            pool.shutdownNow();
        }
        if (!dryRun) {
            sink.commit();
        }
        return new IngestReport(outcomes, totalBytes, Duration.between(start, clock.instant()));
    }

    /**
     * Rebuilds the sink from the raw store alone: every stored file is normalized again, in the order it was first
     * ingested, so the newest copy of an article wins as it did originally.
     */
    public IngestReport reindex(IngestProgress progress) {
        List<RawStore.SourceEntry> sources = rawStore.distinctSources();
        progress.started(sources.size(), 0);
        Instant start = clock.instant();
        sink.deleteAll();
        List<FileOutcome> outcomes = new ArrayList<>(sources.size());
        long bytes = 0;
        for (RawStore.SourceEntry source : sources) {
            byte[] content = rawStore.read(source.sha256()).orElse(null);
            FileOutcome outcome = content == null
                    ? failed(source.path(), "missing from the raw store: " + source.sha256())
                    : rebuildOne(content, source);
            bytes += content == null ? 0 : content.length;
            outcomes.add(outcome);
            progress.fileDone(outcome, content == null ? 0 : content.length);
        }
        sink.commit();
        return new IngestReport(outcomes, bytes, Duration.between(start, clock.instant()));
    }

    private FileOutcome rebuildOne(byte[] content, RawStore.SourceEntry source) {
        NormalizationResult result = normalizer.normalize(content, source.path(), source.storedAt());
        if (result instanceof NormalizationResult.Normalized normalized) {
            sink.save(normalized.article());
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
        FileOutcome outcome = process(bytes, path, false);
        sink.commit();
        return outcome;
    }

    private FileOutcome ingestOne(SourceFiles.SourceFile file, boolean dryRun) {
        String path = file.relativePath();
        try {
            long size = Files.size(file.file());
            if (size > maxFileBytes) {
                if (!dryRun) {
                    try (InputStream in = Files.newInputStream(file.file())) {
                        rawStore.recordSource(rawStore.put(in), path, clock.instant());
                    }
                }
                return failed(path, "file is " + size + " bytes, over the limit of " + maxFileBytes + " bytes");
            }
            return process(Files.readAllBytes(file.file()), path, dryRun);
        } catch (IOException | RuntimeException e) {
            return failed(path, "cannot read file: " + e.getMessage());
        }
    }

    private FileOutcome process(byte[] bytes, String path, boolean dryRun) {
        Instant now = clock.instant();
        if (!dryRun) {
            rawStore.recordSource(rawStore.put(bytes), path, now);
        }
        NormalizationResult result = normalizer.normalize(bytes, path, now);
        if (result instanceof NormalizationResult.Normalized normalized) {
            var article = normalized.article();
            if (sink.holdsSame(article)) {
                return new FileOutcome(path, FileOutcome.Status.UNCHANGED, article.id(), result.problems());
            }
            if (!dryRun) {
                sink.save(article);
            }
            return new FileOutcome(path, FileOutcome.Status.INGESTED, article.id(), result.problems());
        }
        return new FileOutcome(path, FileOutcome.Status.FAILED, null, result.problems());
    }

    private static FileOutcome await(Future<FileOutcome> future, SourceFiles.SourceFile file) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            return failed(file.relativePath(), "ingest error: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(file.relativePath(), "ingest interrupted");
        }
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
