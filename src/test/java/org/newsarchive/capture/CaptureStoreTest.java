package org.newsarchive.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.capture.LoopbackSite.Page;
import org.newsarchive.capture.fetch.AddressPolicy;
import org.newsarchive.capture.fetch.FetchSettings;
import org.newsarchive.capture.fetch.Fetcher;
import org.newsarchive.capture.fetch.HostResolver;
import org.newsarchive.testing.ChildJvm;

/** The capture store on real WARC files, fed by the real fetcher from a site on a loopback address. */
class CaptureStoreTest {

    /** A 1x1 PNG. */
    static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /** Another PNG, 2x2. */
    static final byte[] PNG2 = png(2, 2);

    static byte[] png(int width, int height) {
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xcc3333);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @TempDir
    Path data;

    private LoopbackSite site;
    private Fetcher fetcher;

    @BeforeEach
    void startSite() throws IOException {
        site = new LoopbackSite("127.0.0.2");
        fetcher = fetcher(data.resolve("incoming"));
    }

    @AfterEach
    void stopSite() throws IOException {
        fetcher.close();
        site.close();
    }

    static Fetcher fetcher(Path incoming) throws IOException {
        FetchSettings settings = new FetchSettings(
                new AddressPolicy(List.of("127.0.0.2/32"), List.of(80, 443)),
                1024 * 1024,
                Duration.ofSeconds(10),
                Duration.ofSeconds(60),
                Duration.ZERO,
                Duration.ofSeconds(5),
                FetchSettings.userAgent("https://example.org/about"));
        return new Fetcher(settings, HostResolver.SYSTEM, incoming, Clock.systemUTC());
    }

    private Capture capture(CaptureStore store, String url) throws Exception {
        Capture[] last = new Capture[1];
        fetcher.follow(URI.create(url), "GET", attempt -> last[0] = store.record(attempt));
        return last[0];
    }

    /** The bytes of the payload {@code capture} holds, or of the earlier one its revisit names. */
    static byte[] readAll(CaptureStore store, Capture capture) throws IOException {
        try (InputStream in =
                store.open(store.payload(capture.answer().sha256()).orElseThrow())) {
            return in.readAllBytes();
        }
    }

    private static byte[] payload(CaptureStore store, Capture capture) throws IOException {
        try (InputStream in =
                store.open(store.payload(capture.answer().sha256()).orElseThrow())) {
            return in.readAllBytes();
        }
    }

    @Test
    void keepsAnImageWithItsSniffedTypeAndServesItsBytes() throws Exception {
        String url = site.put("/a.jpg", Page.of("text/html", PNG));
        try (CaptureStore store = CaptureStore.open(data.resolve("captures"), 1 << 30, Clock.systemUTC())) {
            Capture capture = capture(store, url);

            assertThat(capture.outcome()).isEqualTo(CaptureOutcome.CAPTURED);
            assertThat(capture.answer().status()).isEqualTo(200);
            assertThat(capture.answer().type())
                    .as("sniffed, not the host's text/html")
                    .isEqualTo("image/png");
            assertThat(capture.answer().length()).isEqualTo(PNG.length);
            assertThat(payload(store, capture)).isEqualTo(PNG);
            assertThat(store.image(url)).contains(capture);
        }
        assertThat(Files.list(data.resolve("incoming")))
                .as("temporary bodies are deleted")
                .isEmpty();
    }

    @Test
    void theSamePayloadAgainIsARevisitOfTheFirst() throws Exception {
        String url = site.put("/a.png", Page.of("image/png", PNG));
        try (CaptureStore store = CaptureStore.open(data.resolve("captures"), 1 << 30, Clock.systemUTC())) {
            Capture first = capture(store, url);
            Capture second = capture(store, url);

            assertThat(second.outcome()).isEqualTo(CaptureOutcome.UNCHANGED);
            assertThat(second.answer().sha256()).isEqualTo(first.answer().sha256());
            assertThat(store.payload(first.answer().sha256())).contains(first);
            assertThat(payload(store, second)).isEqualTo(PNG);
        }
    }

    @Test
    void aRedirectedImageIsFoundThroughItsRedirect() throws Exception {
        site.put("/new.png", Page.of("image/png", PNG));
        String old = site.put("/old.png", Page.redirect(301, "/new.png"));
        try (CaptureStore store = CaptureStore.open(data.resolve("captures"), 1 << 30, Clock.systemUTC())) {
            Capture last = capture(store, old);

            assertThat(last.url()).isEqualTo(site.url("/new.png"));
            assertThat(store.latest(old).orElseThrow().answer().location()).isEqualTo(site.url("/new.png"));
            assertThat(store.image(old)).contains(last);
        }
    }

    @Test
    void anAttemptWithoutAnswerIsKeptWithItsReason() throws Exception {
        String refused = "http://127.0.0.1:" + site.port() + "/a.png";
        try (CaptureStore store = CaptureStore.open(data.resolve("captures"), 1 << 30, Clock.systemUTC())) {
            Capture capture = capture(store, refused);

            assertThat(capture.outcome()).isEqualTo(CaptureOutcome.REFUSED);
            assertThat(capture.reason()).isEqualTo("127.0.0.1 is a loopback address");
            assertThat(store.image(refused)).isEmpty();
        }
        assertThat(site.requests()).isEmpty();
    }

    @Test
    void theIndexIsRebuiltFromTheWarcFilesAlone() throws Exception {
        site.put("/new.png", Page.of("image/png", PNG));
        String old = site.put("/old.png", Page.redirect(302, "/new.png"));
        String missing = site.url("/gone.png");
        List<Capture> before;
        try (CaptureStore store = CaptureStore.open(data.resolve("captures"), 1 << 30, Clock.systemUTC())) {
            capture(store, old);
            capture(store, old);
            capture(store, missing);
            capture(store, "http://10.1.2.3/a.png");
            before = List.of(
                            store.history(old),
                            store.history(site.url("/new.png")),
                            store.history(missing),
                            store.history("http://10.1.2.3/a.png"))
                    .stream()
                    .flatMap(List::stream)
                    .toList();
        }
        Files.delete(data.resolve("captures/index.tsv"));

        try (CaptureStore rebuilt = CaptureStore.open(data.resolve("captures"), 1 << 30, Clock.systemUTC())) {
            List<Capture> after = List.of(
                            rebuilt.history(old),
                            rebuilt.history(site.url("/new.png")),
                            rebuilt.history(missing),
                            rebuilt.history("http://10.1.2.3/a.png"))
                    .stream()
                    .flatMap(List::stream)
                    .toList();
            assertThat(after).isEqualTo(before);
            assertThat(before).hasSize(6);
            assertThat(rebuilt.size()).isEqualTo(6);
        }
    }

    @Test
    void aTornRecordAtTheEndIsCutAndTheCapturesBeforeItKept() throws Exception {
        String url = site.put("/a.png", Page.of("image/png", PNG));
        Capture kept;
        Path file;
        try (CaptureStore store = CaptureStore.open(data.resolve("captures"), 1 << 30, Clock.systemUTC())) {
            kept = capture(store, url);
            file = store.warcFiles().get(0);
        }
        long whole = Files.size(file);
        byte[] bytes = Files.readAllBytes(file);
        // What a writer killed in the middle of an append leaves: part of a gzip member, and its marker.
        Files.write(
                file,
                java.util.Arrays.copyOfRange(
                        bytes, (int) kept.place().offset(), (int) kept.place().offset() + 40),
                StandardOpenOption.APPEND);
        Files.write(
                Path.of(file + ".open"),
                java.nio.ByteBuffer.allocate(8).putLong(whole).array());

        try (CaptureStore reopened = CaptureStore.open(data.resolve("captures"), 1 << 30, Clock.systemUTC())) {
            assertThat(Files.size(file)).isEqualTo(whole);
            assertThat(payload(reopened, kept)).isEqualTo(PNG);
            assertThat(reopened.size()).isEqualTo(1);
        }
        assertThat(Path.of(file + ".open")).doesNotExist();
    }

    @Test
    void aDamagedFileWithoutMarkerIsReadAsFarAsItGoesAndLeftAsItIs() throws Exception {
        String url = site.put("/a.png", Page.of("image/png", PNG));
        Path file;
        try (CaptureStore store = CaptureStore.open(data.resolve("captures"), 1 << 30, Clock.systemUTC())) {
            capture(store, url);
            file = store.warcFiles().get(0);
        }
        Files.write(file, new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2}, StandardOpenOption.APPEND);
        long damaged = Files.size(file);
        Files.delete(data.resolve("captures/index.tsv"));

        try (CaptureStore reopened = CaptureStore.open(data.resolve("captures"), 1 << 30, Clock.systemUTC())) {
            assertThat(reopened.image(url)).isPresent();
        }
        assertThat(Files.size(file))
                .as("only a writer's own marker says what may be cut")
                .isEqualTo(damaged);
    }

    @Test
    void recordsThatTheIndexMissesAreIndexedOnOpen() throws Exception {
        String url = site.put("/a.png", Page.of("image/png", PNG));
        Path index = data.resolve("captures/index.tsv");
        try (CaptureStore store = CaptureStore.open(data.resolve("captures"), 1 << 30, Clock.systemUTC())) {
            capture(store, site.url("/first.png"));
            capture(store, url);
        }
        List<String> lines = Files.readAllLines(index);
        // A writer killed after its records and before their index line.
        Files.write(index, lines.subList(0, 1));

        try (CaptureStore reopened = CaptureStore.open(data.resolve("captures"), 1 << 30, Clock.systemUTC())) {
            assertThat(reopened.image(url)).isPresent();
            assertThat(Files.readAllLines(index)).hasSize(2);
        }
    }

    @Test
    void theWarcFilesPassJwarcValidation() throws Exception {
        site.put("/new.png", Page.of("image/png", PNG));
        String old = site.put("/old.png", Page.redirect(302, "/new.png"));
        Path file;
        try (CaptureStore store = CaptureStore.open(data.resolve("captures"), 1 << 30, Clock.systemUTC())) {
            capture(store, old);
            capture(store, old);
            capture(store, site.url("/gone"));
            capture(store, "http://192.168.1.1/a.png");
            file = store.warcFiles().get(0);
        }

        ChildJvm.Run run = ChildJvm.runTool(
                Duration.ofMinutes(2), "org.netpreserve.jwarc.tools.WarcTool", "validate", "-v", file.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
    }

    @Test
    void aNewFileIsBegunPastTheSizeLimitAndNothingWrittenIsRewritten() throws Exception {
        String url = site.put("/a.png", Page.of("image/png", PNG));
        try (CaptureStore store = CaptureStore.open(data.resolve("captures"), 1, Clock.systemUTC())) {
            Capture first = capture(store, url);
            byte[] firstFile = Files.readAllBytes(
                    data.resolve("captures").resolve(first.place().file()));
            Capture second = capture(store, site.url("/b.png"));

            assertThat(second.place().file()).isNotEqualTo(first.place().file());
            assertThat(Files.readAllBytes(
                            data.resolve("captures").resolve(first.place().file())))
                    .isEqualTo(firstFile);
            assertThat(store.warcFiles()).hasSize(2);
            assertThat(Map.of("a", payload(store, first))).containsEntry("a", PNG);
        }
    }
}
