package org.newsarchive.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.codec.digest.DigestUtils;
import org.newsarchive.article.Article;
import org.newsarchive.article.MirrorPoint;
import org.newsarchive.ingest.normalize.ArticleNormalizer;
import org.newsarchive.ingest.normalize.IngestProblem;
import org.newsarchive.ingest.normalize.NormalizationResult;
import org.newsarchive.store.RawStore;
import org.newsarchive.version.ArticleHistory;
import org.newsarchive.version.Removal;

/**
 * Ingests batches of files: keeps every file's bytes in the raw store, normalizes it, and hands the article to the
 * sink.
 *
 * <p>Each file's article joins its versions ({@link ArticleHistory}): a copy with new content is a new version of
 * the article, identical content leaves it unchanged. Files are normalized in parallel on {@code threads} threads
 * ({@link IngestThreads}). A file that cannot be read or yields no article is reported as failed and the batch goes
 * on; its bytes are kept all the same, so nothing given to the archive is lost. The sink is committed every {@code commitEvery} files and at the end of the batch, so a killed ingest
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
    private final IngestThreads threads;
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
        if (commitEvery < 1) {
            throw new IllegalArgumentException("commitEvery must be at least 1, was " + commitEvery);
        }
        this.commitEvery = commitEvery;
        this.normalizer = normalizer;
        this.rawStore = rawStore;
        this.sink = sink;
        this.maxFileBytes = maxFileBytes;
        this.threads = new IngestThreads(threads);
        this.clock = clock;
    }

    /**
     * Ingests the files under {@code roots}.
     *
     * @param dryRun when true, files are read and normalized but nothing is written
     * @throws IllegalArgumentException when a root does not exist
     */
    public IngestReport ingest(List<Path> roots, boolean dryRun, IngestProgress progress) {
        return ingestSources(onDisk(SourceFiles.find(roots)), List.of(), dryRun, progress);
    }

    /**
     * Ingests every file under {@code folder}, whatever its name: an upload, where each file was sent to be ingested,
     * so each one is reported, a file that is no article (a PDF, an image) as failed with the reason.
     */
    public IngestReport ingestEveryFile(Path folder, IngestProgress progress) {
        return ingestSources(onDisk(SourceFiles.every(folder)), List.of(), false, progress);
    }

    /** Ingests some files of a folder, each named by its path under {@code root}. */
    public IngestReport ingestFiles(Path root, List<Path> files, IngestProgress progress) {
        return ingestSources(onDisk(SourceFiles.under(root, files)), List.of(), false, progress);
    }

    /**
     * Ingests files read from a mirror, each with its commit, and records the files the mirror removed; removals
     * are recorded after the files, so a batch may remove what it added.
     */
    public IngestReport ingestMirrored(List<IngestSource> files, List<RemovedFile> removals, IngestProgress progress) {
        return ingestSources(files, removals, false, progress);
    }

    private static List<IngestSource> onDisk(List<SourceFiles.SourceFile> files) {
        return files.stream().map(IngestSource::of).toList();
    }

    private IngestReport ingestSources(
            List<IngestSource> files, List<RemovedFile> removals, boolean dryRun, IngestProgress progress) {
        running.lock();
        try {
            return ingestNow(files, removals, dryRun, progress);
        } finally {
            running.unlock();
        }
    }

    private IngestReport ingestNow(
            List<IngestSource> files, List<RemovedFile> removals, boolean dryRun, IngestProgress progress) {
        long totalBytes = files.stream().mapToLong(IngestSource::size).sum();
        progress.started(files.size() + removals.size(), totalBytes);
        Instant start = clock.instant();
        HistoryMerge merge = new HistoryMerge(sink, !dryRun);
        AtomicInteger done = new AtomicInteger();
        List<FileOutcome> outcomes = new ArrayList<>(threads.run(
                files,
                file -> {
                    FileOutcome outcome = ingestOne(file, dryRun, merge);
                    progress.fileDone(outcome, file.size());
                    if (!dryRun && done.incrementAndGet() % commitEvery == 0) {
                        merge.commit();
                    }
                    return outcome;
                },
                IngestSource::path));
        outcomes.addAll(threads.run(
                removals,
                removed -> {
                    FileOutcome outcome = dryRun ? removedDryRun(removed) : recordRemoval(removed, merge);
                    progress.fileDone(outcome, 0);
                    return outcome;
                },
                removed -> removed.lastCopy().path()));
        if (!dryRun) {
            merge.commit();
        }
        return new IngestReport(
                IngestReport.inBatchOrder(outcomes, merge.versionsAdded()),
                totalBytes,
                Duration.between(start, clock.instant()));
    }

    /**
     * Rebuilds the sink from the raw store alone: every stored file is normalized again, in parallel, and each joins
     * its article's versions in the order they were mirrored and ingested, as it did originally; the removals a
     * mirror made are recorded last.
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
        sink.makeVisible();
        AtomicLong bytes = new AtomicLong();
        HistoryMerge merge = new HistoryMerge(sink, true);
        Function<RawStore.SourceEntry, FileOutcome> rebuild = source -> {
            byte[] content = rawStore.read(source.sha256()).orElse(null);
            FileOutcome outcome = content == null
                    ? failed(source.path(), "missing from the raw store: " + source.sha256())
                    : rebuildOne(content, source, merge);
            bytes.addAndGet(content == null ? 0 : content.length);
            progress.fileDone(outcome, content == null ? 0 : content.length);
            return outcome;
        };
        // One path's copies are merged in the journal's order, oldest first: whether a copy read again outside a
        // mirror is a revert or a rerun depends on what its path held before it (ArticleHistory#with).
        List<List<RawStore.SourceEntry>> byPath = List.copyOf(sources.stream()
                .filter(source -> !source.removed())
                .collect(Collectors.groupingBy(RawStore.SourceEntry::path, LinkedHashMap::new, Collectors.toList()))
                .values());
        List<FileOutcome> outcomes = new ArrayList<>(threads.runInGroups(byPath, rebuild, RawStore.SourceEntry::path));
        outcomes.addAll(threads.run(
                sources.stream().filter(RawStore.SourceEntry::removed).toList(), rebuild, RawStore.SourceEntry::path));
        merge.commit();
        return new IngestReport(outcomes, bytes.get(), Duration.between(start, clock.instant()));
    }

    private FileOutcome rebuildOne(byte[] content, RawStore.SourceEntry source, HistoryMerge merge) {
        if (content.length > maxFileBytes) {
            return failed(source.path(), oversized(content.length));
        }
        NormalizationResult result =
                normalize(content, source.sha256(), source.path(), source.storedAt(), mirrorOf(source));
        if (!(result instanceof NormalizationResult.Normalized normalized)) {
            return new FileOutcome(source.path(), FileOutcome.Status.FAILED, null, result.problems());
        }
        Article article = normalized.article();
        if (source.removed()) {
            Removal removal = new Removal(source.path(), source.repository(), source.commit(), source.mirroredAt());
            return removalOutcome(source.path(), article.id(), merge.remove(article.id(), removal));
        }
        return new FileOutcome(source.path(), status(merge.add(article)), article.id(), result.problems());
    }

    /** Ingests one file given as bytes, for uploads; {@code path} is recorded as its provenance. */
    public FileOutcome ingestBytes(byte[] bytes, String path) {
        if (bytes.length > maxFileBytes) {
            return keptButOversized(rawStore.put(bytes), path, MirrorPoint.NONE, bytes.length);
        }
        HistoryMerge merge = new HistoryMerge(sink, true);
        FileOutcome outcome = process(bytes, path, MirrorPoint.NONE, false, merge);
        merge.commit();
        return outcome;
    }

    private FileOutcome ingestOne(IngestSource file, boolean dryRun, HistoryMerge merge) {
        String path = file.path();
        try {
            if (file.size() > maxFileBytes) {
                if (dryRun) {
                    return failed(path, oversized(file.size()));
                }
                try (InputStream in = file.bytes().open()) {
                    return keptButOversized(rawStore.put(in), path, file.mirror(), file.size());
                }
            }
            return process(file.read(), path, file.mirror(), dryRun, merge);
        } catch (IOException | RuntimeException e) {
            return failed(path, "cannot read file: " + e.getMessage());
        }
    }

    /**
     * Keeps the bytes (unless a dry run), then normalizes them and adds the article to its versions; the caller has
     * checked their size. The raw store's hash is the article's provenance, so each file is hashed once.
     */
    private FileOutcome process(byte[] bytes, String path, MirrorPoint mirror, boolean dryRun, HistoryMerge merge) {
        Instant now = clock.instant();
        String sha256;
        if (dryRun) {
            sha256 = DigestUtils.sha256Hex(bytes);
        } else {
            sha256 = rawStore.put(bytes);
            rawStore.record(entry(sha256, path, now, mirror, false));
        }
        NormalizationResult result = normalize(bytes, sha256, path, now, mirror);
        if (result instanceof NormalizationResult.Normalized normalized) {
            Article article = normalized.article();
            return new FileOutcome(path, status(merge.add(article)), article.id(), result.problems());
        }
        return new FileOutcome(path, FileOutcome.Status.FAILED, null, result.problems());
    }

    private NormalizationResult normalize(byte[] bytes, String sha256, String path, Instant now, MirrorPoint mirror) {
        NormalizationResult result = normalizer.normalize(bytes, sha256, path, now);
        if (mirror.isKnown() && result instanceof NormalizationResult.Normalized normalized) {
            Article article = normalized.article();
            return new NormalizationResult.Normalized(
                    article.withProvenance(article.provenance().mirrored(mirror)), result.problems());
        }
        return result;
    }

    /**
     * Records that a mirror removed a file: its last bytes are kept and journaled, and name the article that gets
     * the removal in its history.
     */
    private FileOutcome recordRemoval(RemovedFile removed, HistoryMerge merge) {
        String path = removed.lastCopy().path();
        try {
            byte[] bytes = removed.lastCopy().read();
            Instant now = clock.instant();
            String sha256 = rawStore.put(bytes);
            Removal removal = removed.removal();
            MirrorPoint at = new MirrorPoint(removal.repository(), removal.commit(), removal.removedAt());
            rawStore.record(entry(sha256, path, now, at, true));
            NormalizationResult result = normalizer.normalize(bytes, sha256, path, now);
            if (!(result instanceof NormalizationResult.Normalized normalized)) {
                return new FileOutcome(path, FileOutcome.Status.FAILED, null, result.problems());
            }
            String id = normalized.article().id();
            return removalOutcome(path, id, merge.remove(id, removal));
        } catch (IOException | RuntimeException e) {
            return failed(path, "cannot read the removed file: " + e.getMessage());
        }
    }

    private static RawStore.SourceEntry entry(
            String sha256, String path, Instant storedAt, MirrorPoint mirror, boolean removed) {
        return new RawStore.SourceEntry(
                sha256, path, storedAt, mirror.mirroredAt(), mirror.repository(), mirror.commit(), removed);
    }

    private static MirrorPoint mirrorOf(RawStore.SourceEntry entry) {
        return new MirrorPoint(entry.repository(), entry.commit(), entry.mirroredAt());
    }

    private static FileOutcome removedDryRun(RemovedFile removed) {
        return new FileOutcome(removed.lastCopy().path(), FileOutcome.Status.REMOVED, null, List.of());
    }

    private static FileOutcome removalOutcome(String path, String id, boolean recorded) {
        return recorded
                ? new FileOutcome(path, FileOutcome.Status.REMOVED, id, List.of())
                : failed(path, "the mirror removed a file whose article " + id + " is not in the archive");
    }

    private static FileOutcome.Status status(ArticleHistory.Change change) {
        return switch (change) {
            case NEW_ARTICLE -> FileOutcome.Status.INGESTED;
            case NEW_VERSION -> FileOutcome.Status.VERSIONED;
            case UNCHANGED, EARLIER_COPY, SEEN -> FileOutcome.Status.UNCHANGED;
        };
    }

    /** A file over the size limit: its bytes are kept all the same, under its path, and it is reported failed. */
    private FileOutcome keptButOversized(String sha256, String path, MirrorPoint mirror, long size) {
        rawStore.record(entry(sha256, path, clock.instant(), mirror, false));
        return failed(path, oversized(size));
    }

    private String oversized(long size) {
        return "file is " + size + " bytes, over the limit of " + maxFileBytes + " bytes";
    }

    private static FileOutcome failed(String path, String reason) {
        return new FileOutcome(path, FileOutcome.Status.FAILED, null, List.of(IngestProblem.error(reason)));
    }
}
