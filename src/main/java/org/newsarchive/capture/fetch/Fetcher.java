package org.newsarchive.capture.fetch;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches URLs taken from mirrored pages, safely: only http and https, only addresses the {@link AddressPolicy}
 * allows (checked on the address actually connected to, and again on every redirect hop), bodies streamed to disk
 * and cut at a size limit, a time limit on every fetch, one request at a time per host with a pause between, and no
 * {@code Referer} or cookies. Redirects are followed by the fetcher itself, at most {@value
 * FetchSettings#MAX_REDIRECTS}. Thread-safe: requests to different hosts run in parallel.
 */
public final class Fetcher implements Closeable {

    /** What a caller does with each attempt, before the fetcher deletes the attempt's body. */
    @FunctionalInterface
    public interface AttemptSink {
        void accept(Attempt attempt) throws IOException;
    }

    /**
     * Where one URL led.
     *
     * @param hops every attempt's URL and status (0 when no answer came), in order
     * @param last the last attempt; its body is deleted
     */
    public record Chain(List<Hop> hops, Attempt last) {

        public record Hop(URI url, int status) {}

        /** The URL the chain ended on. */
        public URI finalUrl() {
            return last.url();
        }
    }

    private final FetchSettings settings;
    private final HostResolver resolver;
    private final Path temporary;
    private final PinnedAddresses pinned = new PinnedAddresses();
    private final HostTurns turns;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines;
    private final Clock clock;

    /** @param temporary where bodies are streamed while they are read (created when missing) */
    public Fetcher(FetchSettings settings, HostResolver resolver, Path temporary, Clock clock) throws IOException {
        this.settings = settings;
        this.resolver = resolver;
        this.temporary = Files.createDirectories(temporary);
        this.clock = clock;
        this.turns = new HostTurns(settings.hostDelay(), clock);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(pinned)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .setSocketTimeout(Timeout.of(settings.fetchTimeout()))
                                .build())
                        .setMaxConnTotal(64)
                        .setMaxConnPerRoute(1)
                        .build())
                .disableRedirectHandling()
                .disableContentCompression()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(settings.userAgent())
                .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fetch-deadlines");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Fetches {@code url}, following redirects and waiting once for a {@code Retry-After} the host asks for on 429
     * or 503 (when no longer than the configured limit). {@code sink} sees every attempt, the redirects included.
     */
    public Chain follow(URI url, String method, AttemptSink sink) throws IOException, InterruptedException {
        return follow(url, method, settings.maxBody(), sink);
    }

    /** As {@link #follow(URI, String, AttemptSink)}, reading at most {@code maxBody} bytes of each body. */
    public Chain follow(URI url, String method, long maxBody, AttemptSink sink)
            throws IOException, InterruptedException {
        List<Chain.Hop> hops = new ArrayList<>();
        URI current = url;
        boolean waited = false;
        while (true) {
            Attempt attempt = fetch(current, method, maxBody);
            try {
                sink.accept(attempt);
                int status = attempt instanceof Response response ? response.status() : 0;
                hops.add(new Chain.Hop(current, status));
                if (!(attempt instanceof Response response)) {
                    return new Chain(hops, attempt);
                }
                if (!waited
                        && (status == 429 || status == 503)
                        && retryAfter(response).isPresent()) {
                    waited = true;
                    continue;
                }
                if (!response.isRedirect()) {
                    return new Chain(hops, attempt);
                }
                if (hops.size() > FetchSettings.MAX_REDIRECTS) {
                    NoResponse tooMany = new NoResponse(
                            current,
                            method,
                            clock.instant(),
                            true,
                            "more than " + FetchSettings.MAX_REDIRECTS + " redirects");
                    sink.accept(tooMany);
                    return new Chain(hops, tooMany);
                }
                Optional<URI> next = location(response);
                if (next.isEmpty()) {
                    return new Chain(hops, attempt);
                }
                current = next.get();
            } finally {
                if (attempt instanceof Response response) {
                    response.close();
                }
            }
        }
    }

    /** One request to {@code url}, no redirect followed. A {@link Response} returned must be closed. */
    public Attempt fetch(URI url, String method) throws InterruptedException {
        return fetch(url, method, settings.maxBody());
    }

    /** As {@link #fetch(URI, String)}, reading at most {@code maxBody} bytes of the body. */
    public Attempt fetch(URI url, String method, long maxBody) throws InterruptedException {
        Instant started = clock.instant();
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new NoResponse(url, method, started, true, "only http and https URLs are fetched");
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            return new NoResponse(url, method, started, true, "the URL names no host");
        }
        if (NumericHosts.isAmbiguous(host)) {
            return new NoResponse(
                    url,
                    method,
                    started,
                    true,
                    host + " is an address in a non-standard form, which resolvers read differently");
        }
        int port = url.getPort() >= 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        InetAddress[] addresses;
        try {
            addresses = NumericHosts.isLiteral(host)
                    ? new InetAddress[] {NumericHosts.parseLiteral(host)}
                    : resolver.resolve(host);
        } catch (UnknownHostException e) {
            return new NoResponse(url, method, started, false, host + " does not resolve");
        }
        List<InetAddress> allowed = new ArrayList<>();
        String refusal = null;
        for (InetAddress address : addresses) {
            Optional<String> why = settings.policy().refusal(address, port);
            if (why.isEmpty()) {
                allowed.add(address);
            } else if (refusal == null) {
                refusal = why.get();
            }
        }
        if (allowed.isEmpty() || refusal != null) {
            // A name with one refused address is refused whole: which address a client picks is not ours to trust.
            return new NoResponse(url, method, started, true, refusal == null ? host + " has no address" : refusal);
        }
        String hostKey = host.toLowerCase(Locale.ROOT);
        turns.take(hostKey);
        Duration hostAsked = null;
        try {
            pinned.pin(host, allowed.toArray(InetAddress[]::new));
            Attempt attempt = exchange(url, method, started, Math.min(maxBody, settings.maxBody()));
            if (attempt instanceof Response response && (response.status() == 429 || response.status() == 503)) {
                hostAsked = retryAfter(response).orElse(null);
            }
            return attempt;
        } finally {
            pinned.clear();
            turns.give(hostKey, hostAsked);
        }
    }

    private Attempt exchange(URI url, String method, Instant started, long maxBody) {
        HttpUriRequestBase request = new HttpUriRequestBase(method, url);
        request.setHeader("Accept", "image/avif,image/webp,image/*,text/html;q=0.9,*/*;q=0.8");
        request.setHeader("Accept-Encoding", "identity");
        List<HeaderLine> sent = List.of(
                new HeaderLine("Host", url.getRawAuthority()),
                new HeaderLine("User-Agent", settings.userAgent()),
                new HeaderLine("Accept", request.getFirstHeader("Accept").getValue()),
                new HeaderLine("Accept-Encoding", "identity"));
        HttpClientContext context = HttpClientContext.create();
        // Set before the cancel: the reading thread sees its socket closed before the scheduled task is done.
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(
                () -> {
                    expired.set(true);
                    request.cancel();
                },
                settings.fetchTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        Path body = null;
        try (ClassicHttpResponse answer = client.executeOpen(null, request, context)) {
            InetAddress address = remoteAddress(context);
            List<HeaderLine> headers = new ArrayList<>();
            for (Header header : answer.getHeaders()) {
                headers.add(new HeaderLine(header.getName(), header.getValue()));
            }
            body = Files.createTempFile(temporary, "body-", ".tmp");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long[] length = {0};
            boolean truncated = false;
            HttpEntity entity = answer.getEntity();
            if (entity != null && !method.equals("HEAD")) {
                try (InputStream in = entity.getContent();
                        OutputStream out = new DigestOutputStream(Files.newOutputStream(body), sha256)) {
                    truncated = copyAtMost(in, out, maxBody, length);
                    if (truncated) {
                        // Before the stream closes: closing it would read the rest to reuse the connection.
                        request.cancel();
                    }
                }
            }
            Response response = new Response(
                    url,
                    method,
                    started,
                    address,
                    sent,
                    answer.getCode(),
                    answer.getReasonPhrase(),
                    headers,
                    body,
                    length[0],
                    HexFormat.of().formatHex(sha256.digest()),
                    truncated);
            body = null;
            return response;
        } catch (IOException | RuntimeException e) {
            boolean late = expired.get();
            return new NoResponse(
                    url,
                    method,
                    started,
                    false,
                    late ? "no complete answer within " + seconds(settings.fetchTimeout()) : reason(e));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        } finally {
            deadline.cancel(false);
            deleteQuietly(body);
        }
    }

    /** Copies until the end or {@code limit} bytes; true when more bytes followed (the copy is cut there). */
    private static boolean copyAtMost(InputStream in, OutputStream out, long limit, long[] copied) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        while (true) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - copied[0] + 1));
            if (read < 0) {
                return false;
            }
            long room = limit - copied[0];
            if (read > room) {
                out.write(buffer, 0, (int) room);
                copied[0] = limit;
                return true;
            }
            out.write(buffer, 0, read);
            copied[0] += read;
        }
    }

    private static InetAddress remoteAddress(HttpClientContext context) {
        if (context.getEndpointDetails() != null
                && context.getEndpointDetails().getRemoteAddress() instanceof InetSocketAddress socket) {
            return socket.getAddress();
        }
        return null;
    }

    /** The wait a 429 or 503 asks for, when it gives one no longer than the configured limit. */
    private Optional<Duration> retryAfter(Response response) {
        return response.header("Retry-After")
                .flatMap(RetryAfter::parse)
                .map(at -> at.wait(clock.instant()))
                .filter(wait -> wait.compareTo(settings.maxRetryAfter()) <= 0);
    }

    /** The redirect's target, resolved against the URL that answered; empty when it is not a URL. */
    private static Optional<URI> location(Response response) {
        try {
            return response.header("Location").map(location -> response.url().resolve(location.strip()));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static String reason(Exception e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof SocketTimeoutException) {
            return "timed out";
        }
        if (e instanceof SSLException) {
            return "TLS failed: " + e.getMessage();
        }
        if (e instanceof UnknownHostException) {
            return e.getMessage();
        }
        if (e instanceof InterruptedIOException) {
            return "interrupted";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A temporary body left behind is removed with the folder's next cleanup.
            }
        }
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }
}
