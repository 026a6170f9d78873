package org.newsarchive.capture;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.newsarchive.capture.fetch.HeaderLine;
import org.newsarchive.capture.fetch.NoResponse;
import org.newsarchive.capture.fetch.Response;

/**
 * Turns attempts into WARC 1.1 records and records back into captures. An answer becomes a {@code request} record
 * and a {@code response} record (a {@code revisit} when its payload is identical to the URL's earlier capture); a
 * request that got no answer becomes a {@code metadata} record saying why, so that the index, and a rebuilt index,
 * know of every attempt.
 */
final class CaptureRecords {

    /** The field that marks the archive's metadata records of attempts without an answer. */
    static final String NO_RESPONSE_FIELD = "news-archive-attempt";

    private CaptureRecords() {}

    /**
     * Appends the request and response (or revisit) of {@code response} to {@code out}; {@code type} is the
     * payload's sniffed type and {@code same} the URL's earlier capture of the identical payload, when there is one.
     *
     * @return where they went; the answer's record is the second, whose id is {@code answerId}
     */
    static WarcFileWriter.Written write(
            WarcFileWriter out, Response response, String type, Optional<Capture> same, URI answerId)
            throws IOException {
        URI url = response.url();
        WarcRequest request = new WarcRequest.Builder(url)
                .version(MessageVersion.WARC_1_1)
                .date(response.startedAt())
                .concurrentTo(answerId)
                .body(httpRequest(response))
                .build();
        WarcDigest digest = new WarcDigest("sha256", HexFormat.of().parseHex(response.sha256()));
        if (same.isPresent()) {
            Capture earlier = same.get();
            WarcRevisit.Builder revisit = new WarcRevisit.Builder(url, WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
                    .version(MessageVersion.WARC_1_1)
                    .recordId(answerId)
                    .date(response.startedAt())
                    .refersTo(URI.create(earlier.place().recordId()), URI.create(earlier.url()), earlier.time())
                    .payloadDigest(digest)
                    .body(httpResponse(response, null));
            if (type != null) {
                revisit.identifiedPayloadType(type);
            }
            if (response.address() != null) {
                revisit.ipAddress(response.address());
            }
            return out.append(List.of(request, revisit.build()));
        }
        WarcResponse.Builder builder = new WarcResponse.Builder(url)
                .version(MessageVersion.WARC_1_1)
                .recordId(answerId)
                .date(response.startedAt())
                .payloadDigest(digest);
        if (type != null) {
            builder.identifiedPayloadType(type);
        }
        if (response.address() != null) {
            builder.ipAddress(response.address());
        }
        if (response.truncated()) {
            builder.truncated(WarcTruncationReason.LENGTH);
        }
        // The record reads its body from the channel while it is written, so both happen inside this block.
        try (FileChannel body = FileChannel.open(response.body(), StandardOpenOption.READ)) {
            return out.append(
                    List.of(request, builder.body(httpResponse(response, body)).build()));
        }
    }

    /**
     * Appends a payload the archive got without a fetch (an image written into an article as a {@code data:} URL) as
     * a {@code resource} record whose id is {@code id}.
     */
    static WarcFileWriter.Written writeResource(
            WarcFileWriter out, String url, Instant time, String type, byte[] payload, String sha256, URI id)
            throws IOException {
        return out.append(List.of(new WarcResource.Builder(URI.create(url))
                .version(MessageVersion.WARC_1_1)
                .recordId(id)
                .date(time)
                .payloadDigest(new WarcDigest("sha256", HexFormat.of().parseHex(sha256)))
                .identifiedPayloadType(type)
                .body(MediaType.parse(type), payload)
                .build()));
    }

    /** Appends the record of an attempt that got no answer, whose id is {@code id}. */
    static WarcFileWriter.Written write(WarcFileWriter out, NoResponse attempt, URI id) throws IOException {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put(NO_RESPONSE_FIELD, List.of(attempt.refused() ? "refused" : "failed"));
        fields.put("method", List.of(attempt.method()));
        fields.put("reason", List.of(attempt.reason()));
        return out.append(List.of(new WarcMetadata.Builder()
                .version(MessageVersion.WARC_1_1)
                .recordId(id)
                .targetURI(attempt.url())
                .date(attempt.startedAt())
                .fields(fields)
                .build()));
    }

    private static HttpRequest httpRequest(Response response) {
        URI url = response.url();
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String target = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        HttpRequest.Builder request = new HttpRequest.Builder(response.method(), target);
        for (HeaderLine header : response.requestHeaders()) {
            request.addHeader(header.name(), header.value());
        }
        return request.build();
    }

    /**
     * The answer as received. The client removed the chunked transfer coding, so that header goes; a cut body no
     * longer has its announced length, so that header goes too (the record says it was truncated).
     */
    private static HttpResponse httpResponse(Response response, FileChannel body) {
        String reason = response.reasonPhrase() == null ? "" : response.reasonPhrase();
        HttpResponse.Builder http = new HttpResponse.Builder(response.status(), reason);
        for (HeaderLine header : response.headers()) {
            boolean dropped = header.name().equalsIgnoreCase("Transfer-Encoding")
                    || (response.truncated() && header.name().equalsIgnoreCase("Content-Length"));
            if (!dropped) {
                http.addHeader(header.name(), header.value());
            }
        }
        if (body != null) {
            http.body(null, body, response.bodyLength());
        } else {
            http.body(null, new byte[0]);
        }
        return http.build();
    }
}
