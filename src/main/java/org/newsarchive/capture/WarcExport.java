package org.newsarchive.capture;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;
import org.newsarchive.article.Article;
import org.newsarchive.original.OriginalFile;
import org.newsarchive.original.OriginalFiles;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchService;
import org.newsarchive.version.ArticleHistory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the archive as one web archive (WARC 1.1, a gzip member per record) that any WARC tool reads and that
 * {@code ingest --warc} turns back into the same articles and versions: a {@code warcinfo} record saying what the
 * file holds; for every version of every matching article, its original file's exact bytes as a {@code resource}
 * record, dated when a mirror held it (else when it was ingested), with the archive's record of that version as a
 * {@code metadata} record concurrent to it; then every capture, as the capture files hold it. Stateless apart from
 * what it reads; one export per call.
 */
public final class WarcExport {

    /**
     * The {@code warcinfo} field that marks the archive's own exports: their {@code resource} records are the
     * articles' files, and their responses are captures, never articles.
     */
    static final String EXPORT_FIELD = "news-archive-export";

    /** A resource's target when the version was not read from the web: the file's path under this prefix. */
    static final String FILE_URN = "urn:news-archive:file:";

    private final SearchService search;
    private final OriginalFiles originals;
    private final CaptureStore captures;
    private final JsonMapper json;
    private final Clock clock;

    public WarcExport(
            SearchService search, OriginalFiles originals, CaptureStore captures, JsonMapper json, Clock clock) {
        this.search = search;
        this.originals = originals;
        this.captures = captures;
        this.json = json;
        this.clock = clock;
    }

    /** How much an export wrote: versions of articles, and capture records copied. */
    public record Written(long articles, long versions, long captureRecords) {}

    /** Writes the versions of the articles {@code request} matches, then every capture, to {@code out}. */
    public Written write(SearchRequest request, OutputStream out) throws IOException {
        WarcWriter writer = new WarcWriter(Channels.newChannel(out), WarcCompression.GZIP);
        writer.write(info());
        long[] counts = {0, 0};
        IOException[] failed = {null};
        search.forEachMatch(request, article -> {
            if (failed[0] != null) {
                return;
            }
            try {
                counts[0]++;
                ArticleHistory history = search.history(article.id()).orElse(ArticleHistory.of(article));
                for (Article version : history.versions()) {
                    if (writeVersion(writer, version)) {
                        counts[1]++;
                    }
                }
            } catch (IOException e) {
                failed[0] = e;
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        long copied = 0;
        for (Path file : captures.warcFiles()) {
            copied += copyCaptures(writer, file);
        }
        out.flush();
        return new Written(counts[0], counts[1], copied);
    }

    private Warcinfo info() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("software", List.of("news-archive/0.1 (jwarc)"));
        fields.put("format", List.of("WARC File Format 1.1"));
        fields.put(
                "description",
                List.of("A web archive of Chinese news: every version of its articles as the files it was given,"
                        + " each with the archive's record of it, then the archive's captures"));
        fields.put(EXPORT_FIELD, List.of("resources are article files; responses are captures"));
        return new Warcinfo.Builder()
                .version(MessageVersion.WARC_1_1)
                .date(clock.instant())
                .fields(fields)
                .build();
    }

    private boolean writeVersion(WarcWriter writer, Article version) throws IOException {
        Optional<OriginalFile> original = originals.of(version);
        if (original.isEmpty()) {
            return false;
        }
        String path = version.provenance().path();
        URI target = path.startsWith("http://") || path.startsWith("https://") ? URI.create(path) : fileUrn(path);
        Instant date = version.provenance().mirroredAt() != null
                ? version.provenance().mirroredAt()
                : version.provenance().ingestedAt();
        URI id = URI.create("urn:uuid:" + UUID.randomUUID());
        writer.write(new WarcResource.Builder(target)
                .version(MessageVersion.WARC_1_1)
                .recordId(id)
                .date(date)
                .body(
                        MediaType.parse(original.get().mediaType()),
                        original.get().bytes())
                .build());
        writer.write(new WarcMetadata.Builder()
                .version(MessageVersion.WARC_1_1)
                .targetURI(target)
                .date(date)
                .concurrentTo(id)
                .body(MediaType.parse("application/json"), json.writeValueAsBytes(version))
                .build());
        return true;
    }

    /** The target of a file that was not read from the web: its path, percent-encoded, under {@link #FILE_URN}. */
    static URI fileUrn(String path) {
        return URI.create(FILE_URN
                + URLEncoder.encode(path, StandardCharsets.UTF_8)
                        .replace("+", "%20")
                        .replace("%2F", "/"));
    }

    /** The path of a {@link #fileUrn}, or null for any other target. */
    static String pathOf(String target) {
        if (!target.startsWith(FILE_URN)) {
            return null;
        }
        try {
            return URLDecoder.decode(target.substring(FILE_URN.length()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** Copies the records of one capture file but its {@code warcinfo}, up to a torn end if it has one. */
    private static long copyCaptures(WarcWriter writer, Path file) throws IOException {
        long copied = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                WarcReader reader = new WarcReader(channel)) {
            while (true) {
                Optional<WarcRecord> next;
                try {
                    next = reader.next();
                } catch (IOException | RuntimeException torn) {
                    return copied;
                }
                if (next.isEmpty()) {
                    return copied;
                }
                if (!(next.get() instanceof Warcinfo)) {
                    writer.write(next.get());
                    copied++;
                }
            }
        }
    }
}
