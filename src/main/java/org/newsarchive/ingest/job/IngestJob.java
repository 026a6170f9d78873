package org.newsarchive.ingest.job;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.newsarchive.ingest.FileOutcome;
import org.newsarchive.ingest.IngestProgress;
import org.newsarchive.ingest.IngestReport;

/**
 * One upload being ingested in the background: its state, its progress file by file, and at the end its report.
 * Written by the ingest threads, read by any request thread: every field is safe to read while it runs, and
 * {@link #snapshot} gives a consistent enough view for a progress report (counts only grow).
 */
public final class IngestJob implements IngestProgress {

    /** Where a job is. */
    public enum State {
        /** Received and waiting for the ingests before it. */
        QUEUED,
        /** Being ingested. */
        RUNNING,
        /** Ingested; the report is ready. */
        DONE,
        /** Stopped by a fault of the archive (not of a file: a bad file is a failed line in the report). */
        FAILED
    }

    /**
     * A job's state at one moment.
     *
     * @param recovered true for an upload received before a restart and ingested after it
     * @param files the files of the upload, zip entries unpacked
     * @param counts files done so far, by outcome
     * @param report the per-file report, once {@link State#DONE}
     * @param error what stopped the job, once {@link State#FAILED}
     */
    public record Snapshot(
            String id,
            State state,
            boolean recovered,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt,
            int files,
            int filesDone,
            long bytes,
            long bytesDone,
            Map<FileOutcome.Status, Long> counts,
            IngestReport report,
            String error) {}

    private final String id;
    private final boolean recovered;
    private final Clock clock;
    private final Instant createdAt;
    private final int files;
    private final long bytes;
    private final AtomicInteger filesDone = new AtomicInteger();
    private final AtomicLong bytesDone = new AtomicLong();
    private final Map<FileOutcome.Status, AtomicLong> counts = new EnumMap<>(FileOutcome.Status.class);
    private final CompletableFuture<IngestReport> completion = new CompletableFuture<>();
    private volatile State state = State.QUEUED;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile IngestReport report;
    private volatile String error;

    IngestJob(String id, boolean recovered, int files, long bytes, Clock clock) {
        this.id = id;
        this.recovered = recovered;
        this.files = files;
        this.bytes = bytes;
        this.clock = clock;
        this.createdAt = clock.instant();
        for (FileOutcome.Status status : FileOutcome.Status.values()) {
            counts.put(status, new AtomicLong());
        }
    }

    public String id() {
        return id;
    }

    public State state() {
        return state;
    }

    /** Completes with the report when the job is done, or exceptionally with what stopped it. */
    public CompletableFuture<IngestReport> completion() {
        return completion.copy();
    }

    @Override
    public void fileDone(FileOutcome outcome, long fileBytes) {
        counts.get(outcome.status()).incrementAndGet();
        bytesDone.addAndGet(fileBytes);
        filesDone.incrementAndGet();
    }

    void running() {
        startedAt = clock.instant();
        state = State.RUNNING;
    }

    void done(IngestReport finished) {
        finishedAt = clock.instant();
        report = finished;
        state = State.DONE;
        completion.complete(finished);
    }

    void failed(Throwable cause) {
        finishedAt = clock.instant();
        error = cause.getMessage() != null
                ? cause.getMessage()
                : cause.getClass().getSimpleName();
        state = State.FAILED;
        completion.completeExceptionally(cause);
    }

    public boolean finished() {
        return completion.isDone();
    }

    public Snapshot snapshot() {
        Map<FileOutcome.Status, Long> soFar = new EnumMap<>(FileOutcome.Status.class);
        counts.forEach((status, count) -> soFar.put(status, count.get()));
        return new Snapshot(
                id,
                state,
                recovered,
                createdAt,
                startedAt,
                finishedAt,
                files,
                filesDone.get(),
                bytes,
                bytesDone.get(),
                Map.copyOf(soFar),
                report,
                error);
    }
}
