package org.newsarchive.capture.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.capture.Capture;
import org.newsarchive.capture.CaptureStore;
import org.newsarchive.capture.LoopbackSite;
import org.newsarchive.capture.LoopbackSite.Page;
import org.newsarchive.capture.fetch.AddressPolicy;
import org.newsarchive.capture.fetch.FetchSettings;
import org.newsarchive.capture.fetch.Fetcher;

/** Checks of originals against a site on a loopback address that answers each way an original can end up. */
class OriginalCheckTest {

    @TempDir
    Path data;

    private LoopbackSite site;
    private Fetcher fetcher;
    private CaptureStore captures;
    private LinkChecks checks;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-01T08:00:00Z"));

    /** A clock a test moves on, for checks a day apart. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @BeforeEach
    void start() throws IOException {
        site = new LoopbackSite("127.0.0.2");
        FetchSettings settings = new FetchSettings(
                new AddressPolicy(List.of("127.0.0.2/32"), List.of(80, 443)),
                1 << 20,
                Duration.ofSeconds(10),
                Duration.ofSeconds(2),
                Duration.ZERO,
                Duration.ofSeconds(5),
                FetchSettings.userAgent(""));
        Map<String, InetAddress[]> names =
                Map.of("news.example", new InetAddress[] {InetAddress.getByName("127.0.0.2")});
        fetcher = new Fetcher(
                settings,
                host -> {
                    InetAddress[] addresses = names.get(host);
                    if (addresses == null) {
                        throw new UnknownHostException(host);
                    }
                    return addresses;
                },
                data.resolve("incoming"),
                Clock.systemUTC());
        captures = CaptureStore.open(data.resolve("captures"), 1 << 30, Clock.systemUTC());
        checks = new LinkChecks(data.resolve("captures/links.tsv"), Duration.ofHours(24));
    }

    @AfterEach
    void stop() throws IOException {
        fetcher.close();
        captures.close();
        site.close();
    }

    private OriginalCheck originalCheck() {
        return new OriginalCheck(
                null,
                () -> {
                    throw new AssertionError("a single check indexes nothing");
                },
                captures,
                checks,
                fetcher,
                clock,
                1);
    }

    private static Page html(int status, String title) {
        return new Page(
                status,
                "text/html; charset=utf-8",
                ("<html><head><title>" + title + "</title></head><body>正文</body></html>")
                        .getBytes(StandardCharsets.UTF_8),
                Map.of());
    }

    @Test
    void eachWayAnOriginalEndsUpIsFoundAsSuch() throws Exception {
        site.put("/", html(200, "新闻网首页"));
        site.put("/news/other.html", html(200, "另一篇报道"));
        Map<String, OriginalStatus> expected = Map.of(
                site.put("/news/online.html", html(200, "一篇仍在的报道")),
                OriginalStatus.ONLINE,
                site.put("/news/missing.html", html(404, "Not Found")),
                OriginalStatus.GONE,
                site.put("/news/removed.html", html(410, "Gone")),
                OriginalStatus.GONE,
                site.put("/news/soft.html", Page.redirect(302, "/")),
                OriginalStatus.GONE,
                site.put("/news/titled.html", html(200, "该内容已被删除")),
                OriginalStatus.GONE,
                site.put("/news/forbidden.html", html(403, "Forbidden")),
                OriginalStatus.BLOCKED,
                site.put("/news/legal.html", html(451, "Unavailable")),
                OriginalStatus.BLOCKED,
                site.put("/news/moved.html", Page.redirect(301, "/news/other.html")),
                OriginalStatus.MOVED,
                site.put("/news/broken.html", html(500, "Error")),
                OriginalStatus.UNREACHABLE,
                "http://127.0.0.1:" + site.port() + "/news/a.html",
                OriginalStatus.UNCHECKED);
        for (Map.Entry<String, OriginalStatus> original : expected.entrySet()) {
            LinkCheck check = originalCheck().check(original.getKey());
            assertThat(check.found()).as(original.getKey()).isEqualTo(original.getValue());
        }
        LinkCheck moved = checks.checks(site.url("/news/moved.html")).get(0);
        assertThat(moved.finalUrl()).isEqualTo(site.url("/news/other.html"));
        assertThat(moved.httpStatus()).isEqualTo(200);
        assertThat(checks.checks(site.url("/news/missing.html")).get(0).httpStatus())
                .isEqualTo(404);
    }

    @Test
    void aNameThatNoLongerResolvesIsGoneAndASilentHostUnreachable() throws Exception {
        LinkCheck unresolved = originalCheck().check("http://gone.example/news/a.html");
        assertThat(unresolved.found()).isEqualTo(OriginalStatus.GONE);
        assertThat(unresolved.reason()).isEqualTo("gone.example does not resolve");

        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.2"))) {
            Thread holder = new Thread(() -> {
                try (Socket socket = silent.accept();
                        InputStream in = socket.getInputStream()) {
                    while (in.read() >= 0) {
                        // answers nothing
                    }
                } catch (IOException closed) {
                    // the check gave up
                }
            });
            holder.start();
            LinkCheck timeout = originalCheck().check("http://127.0.0.2:" + silent.getLocalPort() + "/a.html");
            assertThat(timeout.found()).isEqualTo(OriginalStatus.UNREACHABLE);
            assertThat(timeout.httpStatus()).isZero();
            holder.join(60_000);
        }
    }

    @Test
    void aHostThatRefusesHeadIsAskedWithGetAndEveryRequestIsACapture() throws Exception {
        String url = site.put("/news/nohead.html", html(200, "报道"));
        String refusing = site.put("/news/refusing.html", html(405, "Method Not Allowed"));

        LinkCheck check = originalCheck().check(url);
        LinkCheck fallback = originalCheck().check(refusing);

        assertThat(check.found()).isEqualTo(OriginalStatus.ONLINE);
        assertThat(site.requests())
                .containsSubsequence(
                        "HEAD /news/nohead.html",
                        "GET /news/nohead.html",
                        "HEAD /news/refusing.html",
                        "GET /news/refusing.html");
        assertThat(fallback.found()).isEqualTo(OriginalStatus.UNREACHABLE);
        assertThat(captures.history(url)).extracting(Capture::method).containsExactly("HEAD", "GET");
    }

    @Test
    void anOriginalIsGoneOnlyWhenChecksADayApartAgree() throws Exception {
        String url = site.put("/news/a.html", html(200, "报道"));
        originalCheck().check(url);
        site.put("/news/a.html", html(404, "Not Found"));
        clock.advance(Duration.ofDays(2));
        Instant firstFailure = clock.instant();
        originalCheck().check(url);

        Original afterOne = checks.original(url);
        assertThat(afterOne.status()).as("one failing check is not enough").isEqualTo(OriginalStatus.ONLINE);
        assertThat(afterOne.httpStatus()).isEqualTo(404);

        clock.advance(Duration.ofHours(23));
        originalCheck().check(url);
        assertThat(checks.original(url).status()).as("23 hours later").isEqualTo(OriginalStatus.ONLINE);

        clock.advance(Duration.ofHours(1));
        originalCheck().check(url);
        Original gone = checks.original(url);
        assertThat(gone.status()).isEqualTo(OriginalStatus.GONE);
        assertThat(gone.goneSince()).isEqualTo(firstFailure);
        assertThat(gone.httpStatus()).isEqualTo(404);

        site.put("/news/a.html", html(200, "报道"));
        clock.advance(Duration.ofDays(1));
        originalCheck().check(url);
        assertThat(checks.original(url).status()).as("back online").isEqualTo(OriginalStatus.ONLINE);
        assertThat(checks.original(url).goneSince()).isNull();
    }

    @Test
    void aFirstFailingCheckLeavesANewOriginalUnchecked() {
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        LinkCheck failing = new LinkCheck("http://a/", start, OriginalStatus.GONE, 404, "http://a/", null);

        assertThat(Original.of(List.of(failing), Duration.ofHours(24)).status()).isEqualTo(OriginalStatus.UNCHECKED);
        assertThat(Original.of(List.of(), Duration.ofHours(24))).isEqualTo(Original.UNCHECKED);
    }
}
