package org.newsarchive.capture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The index of every capture: an append-only text file ({@code index.tsv}, one line a capture, see {@link
 * IndexLines}) held in memory by URL and by payload digest. Lines are appended under a file lock, so a command and
 * the server can capture at once, and each sees the other's captures: a lookup first reads the lines appended since
 * the last one. The file holds nothing the WARC files do not: deleted, it is rebuilt from them ({@link
 * CaptureStore}). Thread-safe.
 */
final class CaptureIndex {

    private final AppendOnlyLines lines;
    private final Map<String, List<Capture>> byUrl = new HashMap<>();
    private final Map<String, Capture> payloadByDigest = new HashMap<>();
    private final Map<String, Long> endByFile = new HashMap<>();
    private final Set<String> places = new HashSet<>();
    private long generation;

    CaptureIndex(Path file) {
        this.lines = new AppendOnlyLines(file);
    }

    /** Whether the index file exists; when it does not, the store rebuilds it from the WARC files. */
    boolean exists() {
        return lines.exists();
    }

    /** Adds {@code capture} to the file and to memory, unless the index already holds its record. */
    synchronized void append(Capture capture) throws IOException {
        refresh();
        if (places.contains(capture.place().toString())) {
            return;
        }
        lines.append(IndexLines.format(capture));
        remember(capture);
    }

    /** The captures of {@code url}, oldest first. */
    synchronized List<Capture> history(String url) {
        refresh();
        return List.copyOf(byUrl.getOrDefault(url, List.of()));
    }

    /** The latest capture of {@code url}. */
    synchronized Optional<Capture> latest(String url) {
        List<Capture> captures = history(url);
        return captures.isEmpty() ? Optional.empty() : Optional.of(captures.get(captures.size() - 1));
    }

    /** The first capture whose record holds the payload with this SHA-256 (hex), so that it can be read. */
    synchronized Optional<Capture> payload(String sha256) {
        refresh();
        return Optional.ofNullable(payloadByDigest.get(sha256));
    }

    /** How far each WARC file's records are indexed: the offset of the last indexed record, by file name. */
    synchronized Map<String, Long> indexedOffsets() {
        refresh();
        return Map.copyOf(endByFile);
    }

    /** Changes whenever a capture is added, so that what is computed from captures can be kept until then. */
    synchronized long generation() {
        refresh();
        return generation;
    }

    synchronized int size() {
        refresh();
        return places.size();
    }

    /** Reads the lines appended since the last read, whoever appended them. */
    private void refresh() {
        try {
            for (String line : lines.appended()) {
                IndexLines.parse(line).ifPresent(this::remember);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the capture index " + lines + " cannot be read", e);
        }
    }

    private void remember(Capture capture) {
        if (!places.add(capture.place().toString())) {
            return;
        }
        byUrl.computeIfAbsent(capture.url(), url -> new ArrayList<>(1)).add(capture);
        if (capture.outcome() == CaptureOutcome.CAPTURED && capture.answer().sha256() != null) {
            payloadByDigest.putIfAbsent(capture.answer().sha256(), capture);
        }
        endByFile.merge(capture.place().file(), capture.place().offset(), Math::max);
        generation++;
    }
}
