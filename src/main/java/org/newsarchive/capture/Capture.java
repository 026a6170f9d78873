package org.newsarchive.capture;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the capture index: a fetch the archive made (or refused to make), and where its WARC record is.
 *
 * @param url the URL requested
 * @param time when the request was made
 * @param method {@code GET} or {@code HEAD}
 * @param status the HTTP status, 0 when no answer came
 * @param type the payload's media type as sniffed from its bytes, null without a payload
 * @param sha256 hex SHA-256 of the payload (for a revisit, of the earlier identical payload), null without one
 * @param length the payload's length in bytes
 * @param file the WARC file's name under the captures folder
 * @param offset where the record starts in that file (of the compressed file: each record is its own gzip member)
 * @param reason why the capture was refused or failed, null otherwise
 */
public record Capture(
        String url,
        Instant time,
        String method,
        int status,
        String type,
        String sha256,
        long length,
        String file,
        long offset,
        CaptureOutcome outcome,
        String reason) {

    public Capture {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** Whether this capture holds a payload that can be served: a whole body, kept or identical to a kept one. */
    public boolean hasPayload() {
        return (outcome == CaptureOutcome.CAPTURED || outcome == CaptureOutcome.UNCHANGED) && sha256 != null;
    }

    /** Where the record is, unique in the archive. */
    String location() {
        return file + "#" + offset;
    }
}
