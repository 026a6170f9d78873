package org.newsarchive.capture.fetch;

import java.net.URI;
import java.time.Instant;

/** One request the archive tried to make: either an answer came back ({@link Response}) or none did. */
public sealed interface Attempt permits Response, NoResponse {

    URI url();

    String method();

    Instant startedAt();
}
