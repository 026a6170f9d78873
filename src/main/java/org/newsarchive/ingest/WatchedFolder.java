package org.newsarchive.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests files dropped into a folder while the server runs. The folder is scanned every {@code interval}; a new or
 * changed file is ingested once its size and modification time have stayed the same for one scan, so a file still
 * being copied is not read half-written. Polling, rather than file-system events, works on every file system,
 * network mounts included. Files present at start are ingested on the first scans (unchanged ones cost little).
 */
public final class WatchedFolder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WatchedFolder.class);

    private record Seen(long size, long modified) {}

    private final Path folder;
    private final IngestService ingestService;
    private final ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "watched-folder");
        thread.setDaemon(true);
        return thread;
    });
    private Map<Path, Seen> previousScan = Map.of();
    private final Map<Path, Seen> ingested = new HashMap<>();

    public WatchedFolder(Path folder, IngestService ingestService) {
        this.folder = folder.toAbsolutePath().normalize();
        this.ingestService = ingestService;
    }

    /** Starts scanning; returns at once. */
    public void start(long intervalMillis) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("archive.ingest.watch-dir is not a folder: " + folder);
        }
        scanner.scheduleWithFixedDelay(this::scanQuietly, 0, intervalMillis, TimeUnit.MILLISECONDS);
        log.info("Watching {} for new articles", folder);
    }

    private void scanQuietly() {
        try {
            scan();
        } catch (RuntimeException e) {
            log.warn("Scanning {} failed; trying again at the next scan: {}", folder, e.getMessage());
        }
    }

    /** One scan: ingests the files that changed before the previous scan and have stayed unchanged since. */
    void scan() {
        Map<Path, Seen> current = list();
        List<Path> ready = new ArrayList<>();
        current.forEach((path, seen) -> {
            if (seen.equals(previousScan.get(path)) && !seen.equals(ingested.get(path))) {
                ready.add(path);
            }
        });
        previousScan = current;
        if (ready.isEmpty()) {
            return;
        }
        IngestReport report = ingestService.ingestFiles(folder, ready, IngestProgress.NONE);
        ready.forEach(path -> ingested.put(path, current.get(path)));
        log.info("Ingested from {}: {}", folder, report.summary());
    }

    private Map<Path, Seen> list() {
        Map<Path, Seen> files = new HashMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.toList()) {
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException vanished) {
                    continue;
                }
                if (attributes.isRegularFile()) {
                    files.put(
                            path,
                            new Seen(
                                    attributes.size(),
                                    attributes.lastModifiedTime().toMillis()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        return files;
    }

    @Override
    public void close() {
        scanner.shutdownNow();
    }
}
