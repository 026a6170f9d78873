package org.newsarchive.capture;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the capture index: a fetch the archive made (or refused to make), what came back, and where its WARC
 * record is. Made only by {@link CaptureStore}.
 *
 * @param url the URL requested
 * @param time when the request was made
 * @param method {@code GET} or {@code HEAD}
 * @param answer what the host answered; {@link Answer#NONE} when nothing came
 * @param place where the record is kept
 * @param outcome what the capture got
 * @param reason why the capture was refused or failed, null otherwise
 */
public record Capture(
        String url, Instant time, String method, Answer answer, Place place, CaptureOutcome outcome, String reason) {

    /**
     * What a host answered.
     *
     * @param status the HTTP status, 0 when no answer came
     * @param type the payload's media type as sniffed from its bytes, null without a payload
     * @param sha256 hex SHA-256 of the payload as received (for a revisit, of the earlier identical payload), null
     *     without one
     * @param length the payload's length in bytes
     * @param location the redirect's target, resolved against the URL; null when the answer is no redirect
     */
    public record Answer(int status, String type, String sha256, long length, String location) {

        public static final Answer NONE = new Answer(0, null, null, 0, null);
    }

    /**
     * Where a capture's WARC record is: unique in the archive.
     *
     * @param file the WARC file's name under the captures folder
     * @param offset where the record starts in that file (in the compressed file: each record is its own gzip member)
     * @param recordId the record's {@code WARC-Record-ID}
     */
    public record Place(String file, long offset, String recordId) {

        public Place {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(recordId, "recordId");
        }

        @Override
        public String toString() {
            return file + "#" + offset;
        }
    }

    public Capture {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** Whether this capture holds a payload that can be served: a whole body, kept or identical to a kept one. */
    public boolean hasPayload() {
        return (outcome == CaptureOutcome.CAPTURED || outcome == CaptureOutcome.UNCHANGED) && answer.sha256() != null;
    }

    /** Whether this capture is a redirect to another URL. */
    public boolean isRedirect() {
        return answer.location() != null && answer.status() >= 300 && answer.status() < 400;
    }
}
