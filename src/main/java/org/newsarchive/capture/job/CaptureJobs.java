package org.newsarchive.capture.job;

import java.io.Closeable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.newsarchive.capture.Capture;
import org.newsarchive.capture.CaptureOutcome;
import org.newsarchive.capture.CaptureSummary;
import org.newsarchive.capture.MediaCapture;
import org.newsarchive.capture.link.OriginalCheck;
import org.newsarchive.capture.link.OriginalStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Capture runs the server makes when asked over the API, one after another on a thread of their own, as {@code
 * capture media} and {@code capture links} make them on the command line. The last {@value #KEPT} jobs are kept
 * until the server stops; a run cut short by a stop leaves whatever it captured, and a new run takes up the rest.
 * Thread-safe.
 */
public final class CaptureJobs implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(CaptureJobs.class);

    /** How many jobs are remembered. */
    static final int KEPT = 200;

    /** What a job captures. */
    public enum Kind {
        /** The images of the articles. */
        MEDIA,
        /** The articles' originals. */
        LINKS
    }

    public enum State {
        QUEUED,
        RUNNING,
        DONE,
        FAILED
    }

    /**
     * A job as it stands.
     *
     * @param total how many images or originals the run found to fetch; 0 until it knows
     * @param done how many of them are done
     * @param outcomes how many ended each way: capture outcomes for media, original statuses for links, in lower case
     * @param error why a failed job failed
     */
    public record Snapshot(
            String id,
            Kind kind,
            List<String> ids,
            int limit,
            State state,
            int total,
            int done,
            Map<String, Integer> outcomes,
            String error,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt) {}

    private final class Job {
        final String id = UUID.randomUUID().toString();
        final Kind kind;
        final List<String> ids;
        final int limit;
        final Instant createdAt = clock.instant();
        final AtomicInteger total = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile State state = State.QUEUED;
        volatile Map<String, Integer> outcomes = Map.of();
        volatile String error;
        volatile Instant startedAt;
        volatile Instant finishedAt;

        Job(Kind kind, List<String> ids, int limit) {
            this.kind = kind;
            this.ids = List.copyOf(ids);
            this.limit = limit;
        }

        Snapshot snapshot() {
            return new Snapshot(
                    id,
                    kind,
                    ids,
                    limit,
                    state,
                    total.get(),
                    done.get(),
                    outcomes,
                    error,
                    createdAt,
                    startedAt,
                    finishedAt);
        }
    }

    private final Supplier<MediaCapture> media;
    private final Supplier<OriginalCheck> links;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "capture-jobs");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    /** @param media and {@code links} are asked for when a job runs, so that a server never asked opens no store */
    public CaptureJobs(Supplier<MediaCapture> media, Supplier<OriginalCheck> links, Clock clock) {
        this.media = media;
        this.links = links;
        this.clock = clock;
    }

    /** Queues a run over the articles with {@code ids} (every article when empty), at most {@code limit} fetches. */
    public Snapshot submit(Kind kind, List<String> ids, int limit) {
        Job job = new Job(kind, ids, limit);
        synchronized (jobs) {
            jobs.put(job.id, job);
            if (jobs.size() > KEPT) {
                jobs.remove(jobs.keySet().iterator().next());
            }
        }
        runner.execute(() -> run(job));
        return job.snapshot();
    }

    public Optional<Snapshot> find(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id)).map(Job::snapshot);
        }
    }

    /** The jobs kept, newest first. */
    public List<Snapshot> list() {
        synchronized (jobs) {
            List<Snapshot> all =
                    new ArrayList<>(jobs.values().stream().map(Job::snapshot).toList());
            java.util.Collections.reverse(all);
            return all;
        }
    }

    private void run(Job job) {
        job.startedAt = clock.instant();
        job.state = State.RUNNING;
        try {
            if (job.kind == Kind.MEDIA) {
                CaptureSummary summary = media.get().run(job.ids, job.limit, new MediaCapture.Progress() {
                    @Override
                    public void started(int urls) {
                        job.total.set(urls);
                    }

                    @Override
                    public void captured(String url, Capture last) {
                        job.done.incrementAndGet();
                    }
                });
                Map<String, Integer> outcomes = new LinkedHashMap<>();
                for (CaptureOutcome outcome : CaptureOutcome.values()) {
                    outcomes.put(outcome.name().toLowerCase(java.util.Locale.ROOT), summary.count(outcome));
                }
                outcomes.put("capturedBefore", summary.alreadyCaptured());
                job.outcomes = outcomes;
            } else {
                Map<OriginalStatus, Integer> found =
                        links.get().run(job.ids, job.limit, job.total::set, check -> job.done.incrementAndGet());
                Map<String, Integer> outcomes = new LinkedHashMap<>();
                for (OriginalStatus status : OriginalStatus.values()) {
                    outcomes.put(status.label(), new EnumMap<>(found).getOrDefault(status, 0));
                }
                job.outcomes = outcomes;
            }
            job.state = State.DONE;
        } catch (InterruptedException stopped) {
            job.error = "the server stopped during the run";
            job.state = State.FAILED;
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("capture job {} failed", job.id, e);
            job.error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            job.state = State.FAILED;
        } finally {
            job.finishedAt = clock.instant();
        }
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
