package org.newsarchive.capture;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.apache.commons.codec.digest.DigestUtils;
import org.newsarchive.capture.fetch.Attempt;
import org.newsarchive.capture.fetch.NoResponse;
import org.newsarchive.capture.fetch.Response;

/**
 * Every capture the archive made: WARC files under the captures folder, and the index that finds a capture by URL
 * or payload digest without scanning them. Records are only ever appended, in files a writer creates for itself;
 * the index line of a capture is written after its records, so a crash loses no capture the index names. On open,
 * the store cuts the records a killed writer left half written ({@link WarcFileWriter#repair}), catches the index up
 * with whole records it does not name (a writer killed between the two), and rebuilds the whole index when it is
 * missing. Thread-safe.
 */
public final class CaptureStore implements Closeable {

    /** How many redirects {@link #image} follows through the index, as the fetcher does on the web. */
    private static final int MAX_REDIRECTS = 5;

    private final Path folder;
    private final CaptureIndex index;
    private final WarcFileWriter writer;
    private final Clock clock;

    private CaptureStore(Path folder, long rotateAt, Clock clock) {
        this.folder = folder;
        this.clock = clock;
        this.index = new CaptureIndex(folder.resolve("index.tsv"));
        this.writer = new WarcFileWriter(folder, rotateAt, clock);
    }

    /**
     * The store in {@code folder} (created when missing), repaired and indexed as the class says.
     *
     * @param rotateAt a WARC file is closed and a new one begun when it grows past this many bytes
     */
    public static CaptureStore open(Path folder, long rotateAt, Clock clock) throws IOException {
        CaptureStore store = new CaptureStore(Files.createDirectories(folder), rotateAt, clock);
        store.reconcile();
        return store;
    }

    /** Records {@code attempt}: its WARC records, then its index line. The caller still closes a response. */
    public synchronized Capture record(Attempt attempt) throws IOException {
        URI id = URI.create("urn:uuid:" + UUID.randomUUID());
        Capture capture;
        if (attempt instanceof Response response) {
            String type = response.bodyLength() == 0 ? null : sniff(response);
            Optional<Capture> same = response.truncated()
                    ? Optional.empty()
                    : index.history(response.url().toString()).stream()
                            .filter(earlier -> earlier.hasPayload()
                                    && earlier.answer().sha256().equals(response.sha256()))
                            .findFirst();
            WarcFileWriter.Written written = CaptureRecords.write(writer, response, type, same, id);
            String location = response.isRedirect()
                    ? WarcScan.resolve(
                                    response.url().toString(),
                                    response.header("Location").orElseThrow())
                            .orElse(null)
                    : null;
            CaptureOutcome outcome = response.truncated()
                    ? CaptureOutcome.REFUSED
                    : same.isPresent() ? CaptureOutcome.UNCHANGED : CaptureOutcome.CAPTURED;
            capture = new Capture(
                    response.url().toString(),
                    response.startedAt(),
                    response.method(),
                    new Capture.Answer(response.status(), type, response.sha256(), response.bodyLength(), location),
                    new Capture.Place(written.file(), written.offsets().get(1), id.toString()),
                    outcome,
                    response.truncated() ? cutReason(response.bodyLength()) : null);
        } else {
            NoResponse none = (NoResponse) attempt;
            WarcFileWriter.Written written = CaptureRecords.write(writer, none, id);
            capture = new Capture(
                    none.url().toString(),
                    none.startedAt(),
                    none.method(),
                    Capture.Answer.NONE,
                    new Capture.Place(written.file(), written.offsets().get(0), id.toString()),
                    none.refused() ? CaptureOutcome.REFUSED : CaptureOutcome.FAILED,
                    none.reason());
        }
        index.append(capture);
        return capture;
    }

    /**
     * Records an image an article carries in its {@code data:} URL, decoded, as a {@code resource} record: a capture
     * made without any fetch.
     *
     * @throws IllegalArgumentException when {@code url} is no {@code data:} URL that can be decoded
     */
    public synchronized Capture recordDataUrl(String url) throws IOException {
        Instant time = clock.instant();
        byte[] payload = DataUrls.decode(url);
        String type = PayloadTypes.sniff(payload);
        String sha256 = DigestUtils.sha256Hex(payload);
        URI id = URI.create("urn:uuid:" + UUID.randomUUID());
        WarcFileWriter.Written written = CaptureRecords.writeResource(writer, url, time, type, payload, sha256, id);
        Capture capture = new Capture(
                url,
                time,
                "GET",
                new Capture.Answer(200, type, sha256, payload.length, null),
                new Capture.Place(written.file(), written.offsets().get(0), id.toString()),
                CaptureOutcome.CAPTURED,
                null);
        index.append(capture);
        return capture;
    }

    /** The captures of {@code url}, oldest first. */
    public List<Capture> history(String url) {
        return index.history(url);
    }

    /** The latest capture of {@code url}. */
    public Optional<Capture> latest(String url) {
        return index.latest(url);
    }

    /**
     * The capture that holds what {@code url} showed last: its latest capture, or where its redirects led, when
     * that ended in a 2xx answer with a whole payload.
     */
    public Optional<Capture> image(String url) {
        String current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Optional<Capture> latest = index.latest(current);
            if (latest.isEmpty()) {
                return Optional.empty();
            }
            Capture capture = latest.get();
            if (capture.isRedirect()) {
                current = capture.answer().location();
                continue;
            }
            int status = capture.answer().status();
            return capture.hasPayload() && status >= 200 && status < 300 ? latest : Optional.empty();
        }
        return Optional.empty();
    }

    /** The capture whose record holds the payload with this hex SHA-256. */
    public Optional<Capture> payload(String sha256) {
        return index.payload(sha256.toLowerCase(Locale.ROOT));
    }

    /** The payload bytes of {@code capture} (a capture {@link #payload} gave), content coding removed. */
    public InputStream open(Capture capture) throws IOException {
        return WarcScan.payload(
                folder.resolve(capture.place().file()), capture.place().offset());
    }

    /** Changes whenever a capture is added, by this process or another. */
    public long generation() {
        return index.generation();
    }

    /** How many captures the index holds. */
    public int size() {
        return index.size();
    }

    /** The WARC files, oldest first. */
    public List<Path> warcFiles() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(WarcFileWriter::isWarcFile).sorted().toList();
        }
    }

    static String cutReason(long kept) {
        return "the body is longer than the size limit and was cut at " + kept + " bytes";
    }

    /** Indexes the records no index line names, and cuts the torn end a killed writer left. */
    private void reconcile() throws IOException {
        WarcFileWriter.repair(folder);
        boolean rebuild = !index.exists();
        Map<String, Long> indexed = rebuild ? Map.of() : index.indexedOffsets();
        Set<String> known = new HashSet<>();
        for (Path file : warcFiles()) {
            long from = indexed.getOrDefault(file.getFileName().toString(), 0L);
            WarcScan.Found found = WarcScan.captures(file, from, index::payload);
            for (Capture capture : found.captures()) {
                if (known.add(capture.place().toString())
                        && (rebuild || capture.place().offset() > from)) {
                    index.append(capture);
                }
            }
        }
    }

    private static String sniff(Response response) throws IOException {
        String coding =
                response.header("Content-Encoding").orElse("identity").strip().toLowerCase(Locale.ROOT);
        try (InputStream raw = Files.newInputStream(response.body())) {
            InputStream decoded = switch (coding) {
                case "gzip", "x-gzip" -> new GZIPInputStream(raw);
                case "deflate" -> new InflaterInputStream(raw);
                default -> raw;
            };
            return PayloadTypes.sniff(decoded);
        } catch (IOException undecodable) {
            return "application/octet-stream";
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
