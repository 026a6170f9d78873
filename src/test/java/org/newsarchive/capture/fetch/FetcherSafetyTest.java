package org.newsarchive.capture.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsarchive.capture.LoopbackSite;
import org.newsarchive.capture.LoopbackSite.Page;

/**
 * The fetcher takes URLs anybody could have written into a mirrored page: what it refuses, and that refusing means
 * no connection at all. The sites these tests start listen on 127.0.0.1 (never opened) and 127.0.0.2 (opened where a
 * test says so), so any request that got through would be seen.
 */
class FetcherSafetyTest {

    @TempDir
    Path incoming;

    private LoopbackSite loopback;
    private final List<Fetcher> fetchers = new ArrayList<>();

    @BeforeEach
    void startSite() {
        loopback = new LoopbackSite("127.0.0.1");
        loopback.put("/a.png", Page.of("image/png", new byte[] {1, 2, 3}));
    }

    @AfterEach
    void stop() throws IOException {
        for (Fetcher fetcher : fetchers) {
            fetcher.close();
        }
        loopback.close();
    }

    private Fetcher fetcher(AddressPolicy policy, HostResolver resolver, long maxBody, Duration fetchTimeout)
            throws IOException {
        FetchSettings settings = new FetchSettings(
                policy,
                maxBody,
                Duration.ofSeconds(10),
                fetchTimeout,
                Duration.ZERO,
                Duration.ofSeconds(5),
                FetchSettings.userAgent("https://example.org/about"));
        Fetcher fetcher = new Fetcher(settings, resolver, incoming, Clock.systemUTC());
        fetchers.add(fetcher);
        return fetcher;
    }

    private Fetcher defaults() throws IOException {
        return fetcher(AddressPolicy.publicWeb(), HostResolver.SYSTEM, 20 << 20, Duration.ofSeconds(60));
    }

    private Fetcher opening(String cidr) throws IOException {
        return fetcher(
                new AddressPolicy(List.of(cidr), List.of(80, 443)),
                HostResolver.SYSTEM,
                20 << 20,
                Duration.ofSeconds(60));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:PORT/a.png",
                "http://localhost:PORT/a.png",
                "http://2130706433:PORT/a.png",
                "http://0x7f.1:PORT/a.png",
                "http://0x7f000001:PORT/a.png",
                "http://0177.0.0.1:PORT/a.png",
                "http://127.1:PORT/a.png",
                "http://[::ffff:127.0.0.1]:PORT/a.png",
                "http://[::ffff:7f00:1]:PORT/a.png",
                "http://[::127.0.0.1]:PORT/a.png",
                "http://[::1]:PORT/a.png",
                "http://[64:ff9b::7f00:1]:PORT/a.png",
                "http://[2002:7f00:1::]:PORT/a.png",
                "http://0.0.0.0:PORT/a.png",
                "http://10.0.0.1/a.png",
                "http://172.16.5.4/a.png",
                "http://192.168.1.1/a.png",
                "http://169.254.169.254/latest/meta-data/",
                "http://100.64.0.1/a.png",
                "http://224.0.0.1/a.png",
                "http://240.0.0.1/a.png",
                "http://255.255.255.255/a.png",
                "http://[fc00::1]/a.png",
                "http://[fd12:3456::1]/a.png",
                "http://[fe80::1]/a.png",
                "http://[ff02::1]/a.png",
                "http://[::]/a.png",
                "http://93.184.215.14:PORT/a.png",
                "file:///etc/passwd",
                "ftp://127.0.0.1/a.png",
                "gopher://127.0.0.1:PORT/_GET",
                "javascript:alert(1)",
                "http:///a.png"
            })
    void refusesWithAReasonAndConnectsNowhere(String form) throws Exception {
        URI url = URI.create(form.replace("PORT", Integer.toString(loopback.port())));

        Attempt attempt = defaults().fetch(url, "GET");

        assertThat(attempt).isInstanceOf(NoResponse.class);
        NoResponse refused = (NoResponse) attempt;
        assertThat(refused.refused()).as(refused.reason()).isTrue();
        assertThat(refused.reason()).isNotBlank().doesNotContain("Exception");
        assertThat(loopback.requests()).isEmpty();
    }

    @Test
    void theReasonNamesWhatTheAddressIs() throws Exception {
        Fetcher fetcher = defaults();
        int port = loopback.port();

        assertThat(reason(fetcher, "http://[::ffff:127.0.0.1]:" + port + "/"))
                .isEqualTo("127.0.0.1 is a loopback address");
        assertThat(reason(fetcher, "http://[64:ff9b::a00:1]/"))
                .isEqualTo("64:ff9b:0:0:0:0:a00:1 is a private address (as 10.0.0.1)");
        assertThat(reason(fetcher, "http://169.254.169.254/")).isEqualTo("169.254.169.254 is a link-local address");
        assertThat(reason(fetcher, "http://2130706433/")).contains("non-standard form");
        assertThat(reason(fetcher, "http://93.184.215.14:8080/"))
                .isEqualTo("port 8080 is not fetched (only [80, 443])");
        assertThat(reason(fetcher, "ftp://example.org/")).isEqualTo("only http and https URLs are fetched");
    }

    private static String reason(Fetcher fetcher, String url) throws InterruptedException {
        return ((NoResponse) fetcher.fetch(URI.create(url), "GET")).reason();
    }

    @Test
    void aNameIsCheckedOnTheAddressItResolvesToAndConnectedToThatAddressOnly() throws Exception {
        try (LoopbackSite opened = new LoopbackSite("127.0.0.2")) {
            opened.put("/a.png", Page.of("image/png", new byte[] {9}));
            Map<String, InetAddress[]> names = Map.of(
                    "images.example", new InetAddress[] {InetAddress.getByName("127.0.0.2")},
                    "rebound.example", new InetAddress[] {InetAddress.getByName("127.0.0.1")},
                    "mixed.example",
                            new InetAddress[] {InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.1")});
            HostResolver table = host -> {
                InetAddress[] addresses = names.get(host);
                if (addresses == null) {
                    throw new UnknownHostException(host);
                }
                return addresses;
            };
            Fetcher fetcher = fetcher(
                    new AddressPolicy(List.of("127.0.0.2/32"), List.of(80, 443)),
                    table,
                    20 << 20,
                    Duration.ofSeconds(60));

            try (Response answer =
                    (Response) fetcher.fetch(URI.create("http://images.example:" + opened.port() + "/a.png"), "GET")) {
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.address()).isEqualTo(InetAddress.getByName("127.0.0.2"));
            }
            assertThat(opened.requestHeaders().get(0).get("Host")).containsExactly("images.example:" + opened.port());
            assertThat(opened.requestHeaders().get(0).get("User-agent"))
                    .containsExactly("news-archive/0.1 (web archive of Chinese news; +https://example.org/about)");
            assertThat(opened.requestHeaders().get(0)).doesNotContainKeys("Referer", "Cookie");

            NoResponse rebound = (NoResponse)
                    fetcher.fetch(URI.create("http://rebound.example:" + loopback.port() + "/a.png"), "GET");
            NoResponse mixed =
                    (NoResponse) fetcher.fetch(URI.create("http://mixed.example:" + loopback.port() + "/a.png"), "GET");
            NoResponse unknown = (NoResponse) fetcher.fetch(URI.create("http://gone.example/a.png"), "GET");

            assertThat(rebound.reason()).isEqualTo("127.0.0.1 is a loopback address");
            assertThat(mixed.reason())
                    .as("one refused address refuses the name")
                    .isEqualTo(rebound.reason());
            assertThat(unknown.refused()).isFalse();
            assertThat(unknown.reason()).isEqualTo("gone.example does not resolve");
            assertThat(loopback.requests()).isEmpty();
        }
    }

    @Test
    void aRedirectToARefusedAddressIsRefusedAtTheHop() throws Exception {
        try (LoopbackSite opened = new LoopbackSite("127.0.0.2")) {
            opened.put("/a.png", Page.redirect(302, loopback.url("/a.png")));
            List<Attempt> attempts = new ArrayList<>();

            Fetcher.Chain chain =
                    opening("127.0.0.2/32").follow(URI.create(opened.url("/a.png")), "GET", attempts::add);

            assertThat(chain.hops()).extracting(Fetcher.Chain.Hop::status).containsExactly(302, 0);
            assertThat(chain.last()).isInstanceOf(NoResponse.class);
            assertThat(((NoResponse) chain.last()).reason()).isEqualTo("127.0.0.1 is a loopback address");
            assertThat(attempts).hasSize(2);
            assertThat(loopback.requests()).isEmpty();
        }
    }

    @Test
    void redirectsEndAfterFive() throws Exception {
        try (LoopbackSite opened = new LoopbackSite("127.0.0.2")) {
            for (int i = 0; i < 10; i++) {
                opened.put("/r" + i, Page.redirect(301, "/r" + (i + 1)));
            }

            Fetcher.Chain chain = opening("127.0.0.2/32").follow(URI.create(opened.url("/r0")), "GET", a -> {});

            assertThat(((NoResponse) chain.last()).reason()).isEqualTo("more than 5 redirects");
            assertThat(opened.requests()).hasSize(6);
        }
    }

    @Test
    void aBodyOverTheLimitIsCutAsItStreamsToDisk() throws Exception {
        long limit = 256 * 1024;
        long sent;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.2"))) {
            CountDownLatch stopped = new CountDownLatch(1);
            long[] written = {0};
            Thread endless = new Thread(() -> {
                try (Socket socket = server.accept();
                        OutputStream out = socket.getOutputStream()) {
                    socket.getInputStream().read(new byte[4096]);
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 1073741824\r\n\r\n"
                            .getBytes());
                    byte[] chunk = new byte[64 * 1024];
                    while (written[0] < (1L << 30)) {
                        out.write(chunk);
                        written[0] += chunk.length;
                    }
                } catch (IOException closedByTheClient) {
                    // The fetcher hung up at its limit: what this test waits for.
                } finally {
                    stopped.countDown();
                }
            });
            endless.start();
            Fetcher fetcher = fetcher(
                    new AddressPolicy(List.of("127.0.0.2/32"), List.of()),
                    HostResolver.SYSTEM,
                    limit,
                    Duration.ofSeconds(60));

            try (Response answer = (Response)
                    fetcher.fetch(URI.create("http://127.0.0.2:" + server.getLocalPort() + "/big.png"), "GET")) {
                assertThat(answer.truncated()).isTrue();
                assertThat(answer.bodyLength()).isEqualTo(limit);
                assertThat(Files.size(answer.body())).isEqualTo(limit);
            }
            assertThat(stopped.await(60, TimeUnit.SECONDS))
                    .as("the server saw the client hang up")
                    .isTrue();
            sent = written[0];
        }
        assertThat(sent).as("the rest of the gigabyte was never read").isLessThan(1L << 30);
    }

    @Test
    void aHostThatNeverAnswersFailsAtTheFetchTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.2"))) {
            Thread holder = new Thread(() -> {
                try (Socket socket = silent.accept();
                        InputStream in = socket.getInputStream()) {
                    while (in.read() >= 0) {
                        // holds the connection open, answering nothing
                    }
                } catch (IOException closed) {
                    // the fetcher gave up
                }
            });
            holder.start();
            Fetcher fetcher = fetcher(
                    new AddressPolicy(List.of("127.0.0.2/32"), List.of()),
                    HostResolver.SYSTEM,
                    1024,
                    Duration.ofSeconds(1));

            Attempt attempt = fetcher.fetch(URI.create("http://127.0.0.2:" + silent.getLocalPort() + "/"), "GET");

            assertThat(attempt).isInstanceOf(NoResponse.class);
            assertThat(((NoResponse) attempt).refused()).isFalse();
            assertThat(((NoResponse) attempt).reason()).isIn("timed out", "no complete answer within 1 s");
            holder.join(TimeUnit.MINUTES.toMillis(1));
        }
    }

    @Test
    void aClosedPortFailsAsRefused() throws Exception {
        int closed;
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            closed = probe.getLocalPort();
        }
        Attempt attempt = opening("127.0.0.2/32").fetch(URI.create("http://127.0.0.2:" + closed + "/"), "GET");

        assertThat(((NoResponse) attempt).reason()).isEqualTo("connection refused");
    }
}
