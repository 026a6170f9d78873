package org.newsarchive.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.Warcinfo;
import org.newsarchive.article.MirrorPoint;
import org.newsarchive.capture.fetch.HeaderLine;
import org.newsarchive.capture.fetch.Response;
import org.newsarchive.ingest.IngestSource;

/**
 * Reads web archives made elsewhere (WARC files, gzipped per record or not, such as {@code wget --warc-file} or a
 * crawler writes): each {@code response} or {@code resource} record of an HTML or Markdown page that was answered
 * 200 becomes a file to ingest, recorded at its target URI (which is then its source URL where the page names none)
 * with its {@code WARC-Date} as the time a mirror held it; each image record becomes a capture of its URL, so that
 * an imported crawl's pages show their images. Redirects, error pages and other records are passed over. An image
 * the archive already holds for its URL is not written again. The archive's own exports ({@link WarcExport}) give
 * back their articles' files, each at its path, and their image captures. Thread-safe: each call reads its own files.
 */
public final class WarcImport {

    private static final Set<String> PAGE_TYPES =
            Set.of("text/html", "application/xhtml+xml", "text/markdown", "text/x-markdown");

    /** Headers that described the body as it travelled, not the payload kept: it is kept decoded. */
    private static final Set<String> TRANSFER_HEADERS =
            Set.of("transfer-encoding", "content-encoding", "content-length");

    /**
     * What the archives held.
     *
     * @param pages the pages to ingest, in file and record order; each reads its record again when opened
     * @param images how many image records became captures
     * @param knownImages how many image records held a payload the archive already had for their URL
     */
    public record Read(List<IngestSource> pages, int images, int knownImages) {}

    private final CaptureStore store;
    private final Path incoming;

    /** @param incoming where image payloads wait while they are recorded */
    public WarcImport(CaptureStore store, Path incoming) {
        this.store = store;
        this.incoming = incoming;
    }

    /**
     * Reads every record of {@code files}; images are captured as they are met, pages are returned for an ingest.
     *
     * @throws IOException naming the file when one cannot be read as a web archive
     */
    public Read read(List<Path> files) throws IOException {
        Files.createDirectories(incoming);
        List<IngestSource> pages = new ArrayList<>();
        int[] images = {0, 0};
        for (Path file : files) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                    WarcReader reader = new WarcReader(channel)) {
                boolean export = false;
                for (WarcRecord record : reader) {
                    if (record instanceof Warcinfo info) {
                        export |= info.fields().first(WarcExport.EXPORT_FIELD).isPresent();
                    }
                    readRecord(file, record, export, pages, images);
                }
            } catch (IOException | RuntimeException unreadable) {
                throw new IOException(
                        file + " cannot be read as a web archive (WARC): " + unreadable.getMessage(), unreadable);
            }
        }
        return new Read(pages, images[0], images[1]);
    }

    /**
     * Takes one record: a page to ingest, an image to capture, or nothing. In the archive's own exports ({@code
     * export}) the articles' files are the resource records, and a response, whatever its type, is a capture.
     */
    private void readRecord(Path file, WarcRecord record, boolean export, List<IngestSource> pages, int[] images)
            throws IOException {
        String target;
        MediaType type;
        long length;
        int status;
        if (record instanceof WarcResponse response) {
            HttpResponse http = response.http();
            target = response.target();
            type = http.contentType();
            length = http.body().size();
            status = http.status();
        } else if (record instanceof WarcResource resource) {
            target = resource.target();
            type = resource.contentType();
            length = resource.body().size();
            status = 200;
        } else {
            return;
        }
        if (status != 200 || target == null) {
            return;
        }
        String path = target.startsWith("http://") || target.startsWith("https://")
                ? target
                : export ? WarcExport.pathOf(target) : null;
        if (path == null) {
            return;
        }
        String base = type.base().toString().toLowerCase(Locale.ROOT);
        boolean page = export
                ? record instanceof WarcResource && (PAGE_TYPES.contains(base) || base.equals("text/plain"))
                : PAGE_TYPES.contains(base);
        if (page) {
            long offset = record.position();
            pages.add(new IngestSource(
                    path,
                    length,
                    () -> WarcScan.payload(file, offset),
                    new MirrorPoint(
                            file.toAbsolutePath().toString(), record.id().toString(), record.date())));
        } else if (base.startsWith("image/") && target.equals(path)) {
            if (importImage(record, URI.create(target))) {
                images[0]++;
            } else {
                images[1]++;
            }
        }
    }

    /** Records an image as a capture; false when the archive already held this payload for its URL. */
    private boolean importImage(WarcRecord record, URI url) throws IOException {
        Path body = Files.createTempFile(incoming, "import-", ".tmp");
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long length;
            int status = 200;
            String reason = "OK";
            List<HeaderLine> headers = new ArrayList<>();
            InetAddress address = null;
            InputStream payload;
            if (record instanceof WarcResponse response) {
                HttpResponse http = response.http();
                status = http.status();
                reason = http.reason();
                for (Map.Entry<String, List<String>> header :
                        http.headers().map().entrySet()) {
                    if (!TRANSFER_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                        header.getValue().forEach(value -> headers.add(new HeaderLine(header.getKey(), value)));
                    }
                }
                address = response.ipAddress().orElse(null);
                payload = http.bodyDecoded().stream();
            } else {
                headers.add(new HeaderLine("Content-Type", record.contentType().toString()));
                payload = ((WarcResource) record).body().stream();
            }
            try (InputStream in = new DigestInputStream(payload, sha256);
                    OutputStream out = Files.newOutputStream(body)) {
                length = in.transferTo(out);
            }
            headers.add(new HeaderLine("Content-Length", Long.toString(length)));
            String digest = HexFormat.of().formatHex(sha256.digest());
            Optional<Capture> known = store.history(url.toString()).stream()
                    .filter(capture -> capture.hasPayload()
                            && digest.equals(capture.answer().sha256()))
                    .findFirst();
            if (known.isPresent()) {
                return false;
            }
            Instant date = record.date();
            try (Response response = new Response(
                    url, "GET", date, address, List.of(), status, reason, headers, body, length, digest, false)) {
                store.record(response);
            }
            return true;
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        } finally {
            Files.deleteIfExists(body);
        }
    }
}
