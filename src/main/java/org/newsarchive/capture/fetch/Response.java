package org.newsarchive.capture.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An answer to one request, with its body streamed to a temporary file (never held in memory). Closing it deletes
 * the file: whoever records the answer closes it after.
 *
 * @param address the address the archive connected to
 * @param requestHeaders the headers the archive sent
 * @param headers the headers received, in order
 * @param body the body as received (no content coding removed), possibly cut
 * @param sha256 hex SHA-256 of the body as kept
 * @param truncated true when the body was cut at the size limit
 */
public record Response(
        URI url,
        String method,
        Instant startedAt,
        InetAddress address,
        List<HeaderLine> requestHeaders,
        int status,
        String reasonPhrase,
        List<HeaderLine> headers,
        Path body,
        long bodyLength,
        String sha256,
        boolean truncated)
        implements Attempt, AutoCloseable {

    public Response {
        requestHeaders = List.copyOf(requestHeaders);
        headers = List.copyOf(headers);
    }

    /** The first value of header {@code name}, compared without case. */
    public Optional<String> header(String name) {
        return headers.stream()
                .filter(header -> header.name().equalsIgnoreCase(name))
                .map(HeaderLine::value)
                .findFirst();
    }

    public boolean isRedirect() {
        return status >= 300
                && status < 400
                && status != 304
                && header("Location").isPresent();
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
