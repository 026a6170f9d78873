package org.newsarchive.capture;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MessageHeaders;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTruncationReason;

/**
 * Reads captures back from WARC files: the records after a point, as index entries (to rebuild the index or catch
 * up with records a killed writer left unindexed), and one record's payload. A record that cannot be read (cut short
 * or damaged) ends a scan, which says so.
 */
final class WarcScan {

    /**
     * What a scan found.
     *
     * @param captures the captures of the whole records, in file order
     * @param torn true when the file goes on with a record that cannot be read whole
     */
    record Found(List<Capture> captures, boolean torn) {}

    private WarcScan() {}

    /**
     * The captures whose records start at or after {@code from} in {@code file}; {@code payloads} finds the earlier
     * capture of a digest, whose length a revisit does not repeat.
     */
    static Found captures(Path file, long from, Function<String, Optional<Capture>> payloads) throws IOException {
        List<Capture> captures = new ArrayList<>();
        Map<URI, String> methods = new HashMap<>();
        Map<String, Capture> scanned = new HashMap<>();
        Function<String, Optional<Capture>> earlier =
                digest -> Optional.ofNullable(scanned.get(digest)).or(() -> payloads.apply(digest));
        String name = file.getFileName().toString();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (from >= channel.size()) {
                return new Found(captures, false);
            }
            channel.position(from);
            WarcReader reader;
            try {
                reader = new WarcReader(channel);
            } catch (IOException | RuntimeException unreadable) {
                return new Found(captures, true);
            }
            while (true) {
                try {
                    Optional<WarcRecord> next = reader.next();
                    if (next.isEmpty()) {
                        return new Found(captures, false);
                    }
                    WarcRecord record = next.get();
                    Optional<Capture> capture = capture(record, name, methods, earlier);
                    record.body().consume();
                    capture.ifPresent(captures::add);
                    capture.filter(c -> c.outcome() == CaptureOutcome.CAPTURED
                                    && c.answer().sha256() != null)
                            .ifPresent(c -> scanned.putIfAbsent(c.answer().sha256(), c));
                } catch (IOException | RuntimeException torn) {
                    return new Found(captures, true);
                }
            }
        }
    }

    /** The payload of the record at {@code offset}, its content coding removed; the caller closes it. */
    static InputStream payload(Path file, long offset) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            channel.position(offset);
            WarcReader reader = new WarcReader(channel);
            WarcRecord record = reader.next().orElseThrow(() -> new IOException("no record at " + file + "#" + offset));
            InputStream body;
            if (record instanceof WarcResponse response) {
                body = response.http().bodyDecoded().stream();
            } else if (record instanceof WarcResource resource) {
                body = resource.body().stream();
            } else {
                throw new IOException("the record at " + file + "#" + offset + " holds no payload");
            }
            return new FilterInputStream(body) {
                @Override
                public void close() throws IOException {
                    try (reader) {
                        super.close();
                    }
                }
            };
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static Optional<Capture> capture(
            WarcRecord record, String file, Map<URI, String> methods, Function<String, Optional<Capture>> payloads)
            throws IOException {
        if (record instanceof WarcRequest request) {
            request.concurrentTo().forEach(id -> methods.put(id, methodOf(request)));
            return Optional.empty();
        }
        Capture.Place place =
                new Capture.Place(file, record.position(), record.id().toString());
        if (record instanceof WarcResponse response) {
            HttpResponse http = response.http();
            String sha256 = response.payloadDigest().map(WarcDigest::hex).orElse(null);
            String type = response.identifiedPayloadType().map(Object::toString).orElse(null);
            long length = http.body().size();
            boolean cut = response.truncated() != WarcTruncationReason.NOT_TRUNCATED;
            return Optional.of(new Capture(
                    response.target(),
                    response.date(),
                    methods.getOrDefault(response.id(), "GET"),
                    new Capture.Answer(http.status(), type, sha256, length, location(response.target(), http)),
                    place,
                    cut ? CaptureOutcome.REFUSED : CaptureOutcome.CAPTURED,
                    cut ? CaptureStore.cutReason(length) : null));
        }
        if (record instanceof WarcResource resource) {
            String sha256 = resource.payloadDigest().map(WarcDigest::hex).orElse(null);
            String type = resource.identifiedPayloadType().map(Object::toString).orElse(null);
            return Optional.of(new Capture(
                    resource.target(),
                    resource.date(),
                    "GET",
                    new Capture.Answer(200, type, sha256, resource.body().size(), null),
                    place,
                    CaptureOutcome.CAPTURED,
                    null));
        }
        if (record instanceof WarcRevisit revisit) {
            HttpResponse http = revisit.http();
            String sha256 = revisit.payloadDigest().map(WarcDigest::hex).orElse(null);
            String type = revisit.identifiedPayloadType().map(Object::toString).orElse(null);
            long length = sha256 == null
                    ? 0
                    : payloads.apply(sha256).map(c -> c.answer().length()).orElse(0L);
            return Optional.of(new Capture(
                    revisit.target(),
                    revisit.date(),
                    methods.getOrDefault(revisit.id(), "GET"),
                    new Capture.Answer(http.status(), type, sha256, length, location(revisit.target(), http)),
                    place,
                    CaptureOutcome.UNCHANGED,
                    null));
        }
        if (record instanceof WarcMetadata metadata) {
            MessageHeaders fields = metadata.fields();
            Optional<String> attempt = fields.first(CaptureRecords.NO_RESPONSE_FIELD);
            if (attempt.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Capture(
                    metadata.target(),
                    metadata.date(),
                    fields.first("method").orElse("GET"),
                    Capture.Answer.NONE,
                    place,
                    attempt.get().equals("refused") ? CaptureOutcome.REFUSED : CaptureOutcome.FAILED,
                    fields.first("reason").orElse("")));
        }
        return Optional.empty();
    }

    private static String methodOf(WarcCaptureRecord request) {
        try {
            return ((WarcRequest) request).http().method();
        } catch (IOException | RuntimeException unreadable) {
            return "GET";
        }
    }

    /** The absolute target of a redirect, null for an answer that is none. */
    static String location(String url, HttpResponse http) {
        if (http.status() < 300 || http.status() >= 400) {
            return null;
        }
        return http.headers()
                .first("Location")
                .flatMap(value -> resolve(url, value))
                .orElse(null);
    }

    static Optional<String> resolve(String base, String location) {
        try {
            return Optional.of(URI.create(base).resolve(location.strip()).toString());
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
