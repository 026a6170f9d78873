package org.newsarchive.ingest.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.newsarchive.ingest.IngestService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads ingested one after another in the background, each as an {@link IngestJob} that clients poll.
 *
 * <p>Nothing uploaded is lost to a restart: an upload is written into its own folder of the spool under the data
 * directory, is handed to a job only once it is whole (the folder is renamed from {@code ID.receiving} to
 * {@code ID}), and is removed once its files are in the raw store. A folder left by a stopped server is ingested
 * again at the next start under its old id, its files already stored reported {@code unchanged}; a half-received
 * one is dropped, as its client never got an answer. A job that fails for a fault of the archive keeps its folder
 * for the next start.
 *
 * <p>Thread-safe. The jobs of the last {@value #KEPT_JOBS} uploads are remembered, in memory only.
 */
public final class IngestJobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestJobs.class);

    static final int KEPT_JOBS = 200;
    private static final String RECEIVING = ".receiving";
    private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{32}");

    /**
     * An upload being received: files go into {@code folder} until {@link #submit} hands it to a job.
     *
     * @param id the job's id to be
     */
    public record Upload(String id, Path folder) {}

    private final Path spool;
    private final IngestService ingestService;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ingest-jobs");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, IngestJob> jobs = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, IngestJob> eldest) {
            return size() > KEPT_JOBS && eldest.getValue().finished();
        }
    };

    /**
     * @param spool the folder uploads wait in, created when missing
     */
    public IngestJobs(Path spool, IngestService ingestService, Clock clock) {
        this.spool = spool;
        this.ingestService = ingestService;
        this.clock = clock;
        try {
            Files.createDirectories(spool);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the upload folder " + spool, e);
        }
    }

    /** A new, empty upload folder. */
    public Upload open() throws IOException {
        String id = UUID.randomUUID().toString().replace("-", "");
        return new Upload(id, Files.createDirectory(spool.resolve(id + RECEIVING)));
    }

    /** Drops an upload that could not be received whole. */
    public void discard(Upload upload) {
        deleteRecursively(upload.folder());
    }

    /** Queues a whole upload for ingest and returns its job at once. */
    public IngestJob submit(Upload upload) throws IOException {
        Path ready = Files.move(upload.folder(), spool.resolve(upload.id()), StandardCopyOption.ATOMIC_MOVE);
        return start(upload.id(), ready, false);
    }

    /** The job of that id, while it is remembered. */
    public Optional<IngestJob> find(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    /** The remembered jobs, newest first. */
    public List<IngestJob> all() {
        synchronized (jobs) {
            List<IngestJob> newestFirst = new ArrayList<>(jobs.values());
            java.util.Collections.reverse(newestFirst);
            return newestFirst;
        }
    }

    /**
     * Queues the uploads a stopped server left whole in the spool, and removes the half-received ones.
     *
     * @return how many uploads were queued again
     */
    public int recover() {
        List<Path> left;
        try (Stream<Path> folders = Files.list(spool)) {
            left = folders.filter(Files::isDirectory).sorted(byAge()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload folder " + spool, e);
        }
        int queued = 0;
        for (Path folder : left) {
            String name = folder.getFileName().toString();
            if (name.endsWith(RECEIVING) || !JOB_ID.matcher(name).matches()) {
                log.info("Removing the half-received upload {}", folder);
                deleteRecursively(folder);
            } else {
                start(name, folder, true);
                queued++;
            }
        }
        if (queued > 0) {
            log.info("Ingesting {} uploads received before the restart", queued);
        }
        return queued;
    }

    private IngestJob start(String id, Path folder, boolean recovered) {
        List<Path> files = regularFiles(folder);
        long bytes = files.stream().mapToLong(IngestJobs::sizeOf).sum();
        IngestJob job = new IngestJob(id, recovered, files.size(), bytes, clock);
        synchronized (jobs) {
            jobs.put(id, job);
        }
        runner.execute(() -> run(job, folder));
        return job;
    }

    private void run(IngestJob job, Path folder) {
        job.running();
        try {
            var report = ingestService.ingestEveryFile(folder, job);
            deleteRecursively(folder);
            job.done(report);
            log.info("Ingest job {}: {}", job.id(), report.summary());
        } catch (RuntimeException | Error e) {
            log.error("Ingest job {} failed; its upload stays in {} for the next start", job.id(), folder, e);
            job.failed(e);
        }
    }

    /**
     * Stops taking jobs without interrupting the running one, which would leave the index writer closed mid-write;
     * it ends with the process, and its upload is ingested again at the next start.
     */
    @Override
    public void close() {
        runner.shutdown();
    }

    private static Comparator<Path> byAge() {
        return Comparator.comparing(folder -> {
            try {
                return Files.readAttributes(folder, BasicFileAttributes.class).creationTime();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static List<Path> regularFiles(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload " + folder, e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.warn("Cannot remove the upload folder {}: {}", folder, e.getMessage());
        }
    }
}
