package org.newsarchive.capture.fetch;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A request that got no answer: refused by the archive before any connection (an address or scheme it never
 * fetches), or failed on the way (no such host, refused connection, timeout, TLS failure).
 *
 * @param refused true when the archive itself refused to connect; false when the fetch failed
 * @param reason what happened, for a reader: "127.0.0.1 is a loopback address", "connection refused"
 */
public record NoResponse(URI url, String method, Instant startedAt, boolean refused, String reason) implements Attempt {

    public NoResponse {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(reason, "reason");
    }
}
