package org.newsarchive.capture.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a site sees of the fetcher: one request at a time, the pause it asks for, and who is asking. */
class FetcherPolitenessTest {

    @TempDir
    Path incoming;

    private HttpServer server;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Long> arrivals = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 16);
        server.createContext("/", exchange -> {
            int now = inFlight.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            arrivals.add(System.nanoTime());
            int number = requests.incrementAndGet();
            try {
                if (exchange.getRequestURI().getPath().equals("/busy") && number == 1) {
                    exchange.getResponseHeaders().set("Retry-After", "1");
                    inFlight.decrementAndGet();
                    exchange.sendResponseHeaders(503, -1);
                } else {
                    byte[] body = new byte[32 * 1024];
                    exchange.getResponseHeaders().set("Content-Type", "image/png");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body, 0, body.length - 1);
                        // Counted out before the last byte: the client cannot have the whole answer, and so
                        // cannot send its next request, before this request stops counting as in flight.
                        inFlight.decrementAndGet();
                        out.write(body, body.length - 1, 1);
                    }
                }
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Fetcher fetcher(Duration hostDelay) throws IOException {
        return new Fetcher(
                new FetchSettings(
                        new AddressPolicy(List.of("127.0.0.2/32"), List.of()),
                        1 << 20,
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(60),
                        hostDelay,
                        Duration.ofSeconds(5),
                        FetchSettings.userAgent("https://example.org/about")),
                HostResolver.SYSTEM,
                incoming,
                Clock.systemUTC());
    }

    private String url(String path) {
        return "http://127.0.0.2:" + server.getAddress().getPort() + path;
    }

    @Test
    void oneHostGetsOneRequestAtATimeWhateverTheThreads() throws Exception {
        try (Fetcher fetcher = fetcher(Duration.ZERO)) {
            ExecutorService threads = Executors.newFixedThreadPool(8);
            List<Future<Attempt>> fetches = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String path = "/img/" + i + ".png";
                fetches.add(threads.submit(() -> fetcher.fetch(URI.create(url(path)), "GET")));
            }
            for (Future<Attempt> fetch : fetches) {
                try (Response response = (Response) fetch.get()) {
                    assertThat(response.status()).isEqualTo(200);
                }
            }
            threads.shutdown();
        }
        assertThat(requests.get()).isEqualTo(24);
        assertThat(mostAtOnce.get()).isEqualTo(1);
    }

    @Test
    void theConfiguredPauseSeparatesTwoRequestsToAHost() throws Exception {
        try (Fetcher fetcher = fetcher(Duration.ofMillis(300))) {
            for (int i = 0; i < 3; i++) {
                ((Response) fetcher.fetch(URI.create(url("/a.png")), "GET")).close();
            }
        }
        for (int i = 1; i < arrivals.size(); i++) {
            assertThat(Duration.ofNanos(arrivals.get(i) - arrivals.get(i - 1)))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void a503WithRetryAfterIsAskedAgainAfterTheWaitOnce() throws Exception {
        try (Fetcher fetcher = fetcher(Duration.ZERO)) {
            Fetcher.Chain chain = fetcher.follow(URI.create(url("/busy")), "GET", attempt -> {});

            assertThat(chain.hops()).extracting(Fetcher.Chain.Hop::status).containsExactly(503, 200);
        }
        assertThat(Duration.ofNanos(arrivals.get(1) - arrivals.get(0))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
}
