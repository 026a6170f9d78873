package org.newsarchive.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.newsarchive.ingest.normalize.IngestProblem;

/**
 * Runs one batch's work on a fixed number of ingest threads, made for the batch and ended with it, and gives each
 * item's outcome in the items' order, whatever order they finish in. Thread-safe; batches may share it.
 */
final class IngestThreads {

    private final int count;

    IngestThreads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + count);
        }
        this.count = count;
    }

    /**
     * Runs {@code work} on every item; outcomes keep the items' order.
     *
     * @param path the item's path, to name it in the outcome when its work fails
     */
    <T> List<FileOutcome> run(List<T> items, Function<T, FileOutcome> work, Function<T, String> path) {
        ExecutorService pool = Executors.newFixedThreadPool(count, runnable -> {
            Thread thread = new Thread(runnable, "ingest");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<FileOutcome>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(pool.submit(() -> work.apply(item)));
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

    /**
     * Runs {@code work} on the items of each group in their order, one group on one thread at a time and groups in
     * parallel: for copies whose order matters among themselves (one path's files, oldest first). Outcomes are
     * given group by group.
     */
    <T> List<FileOutcome> runInGroups(List<List<T>> groups, Function<T, FileOutcome> work, Function<T, String> path) {
        List<List<FileOutcome>> byGroup = new ArrayList<>();
        List<FileOutcome> flags = run(
                groups,
                group -> {
                    List<FileOutcome> outcomes = new ArrayList<>(group.size());
                    for (T item : group) {
                        try {
                            outcomes.add(work.apply(item));
                        } catch (RuntimeException e) {
                            outcomes.add(failed(path.apply(item), "ingest error: " + e));
                        }
                    }
                    synchronized (byGroup) {
                        byGroup.add(outcomes);
                    }
                    return null;
                },
                group -> group.isEmpty() ? "" : path.apply(group.get(0)));
        // A group's task gives no outcome of its own unless it failed as a whole, as one failed outcome.
        List<FileOutcome> all = new ArrayList<>();
        flags.stream().filter(java.util.Objects::nonNull).forEach(all::add);
        byGroup.forEach(all::addAll);
        return all;
    }

    /**
     * The outcome of one item's work. A file's own faults are caught where it is read and normalized, so what
     * reaches here is not the file's: an exception becomes its failed outcome, but an {@link Error} (an assertion in
     * a progress listener, memory running out) is thrown on instead of hidden as a failed file.
     */
    private static FileOutcome await(Future<FileOutcome> future, String path) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            return failed(path, "ingest error: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(path, "ingest interrupted");
        }
    }

    private static FileOutcome failed(String path, String reason) {
        return new FileOutcome(path, FileOutcome.Status.FAILED, null, List.of(IngestProblem.error(reason)));
    }
}
