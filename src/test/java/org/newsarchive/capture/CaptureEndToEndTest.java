package org.newsarchive.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.article.Article;
import org.newsarchive.capture.LoopbackSite.Page;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchService;
import org.newsarchive.testing.Chromium;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Media capture from end to end: an archive whose article embeds images on a site on a loopback address, the
 * capture run, and the reading page in a real Chromium showing the archive's copies while the site hears nothing;
 * then {@code /media} as a browser and a script see it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaptureEndToEndTest {

    private static final String SVG_WITH_SCRIPT =
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.domain)</script></svg>";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path dataDir;

    @TempDir
    static Path seedsDir;

    @TempDir
    static Path downloads;

    static LoopbackSite site;

    @LocalServerPort
    int port;

    @Autowired
    MediaCapture mediaCapture;

    @Autowired
    SearchService search;

    @Autowired
    CaptureStore store;

    @Autowired
    org.newsarchive.capture.link.OriginalCheck originalCheck;

    /** The article, and what capturing its images did: once for the class, before its first test. */
    private static Article article;

    private static CaptureSummary summary;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        site = new LoopbackSite("127.0.0.2");
        site.put("/img/photo.png", Page.of("image/jpeg", CaptureStoreTest.PNG));
        site.put("/img/moved.png", Page.redirect(302, "/cdn/photo2.png"));
        site.put("/cdn/photo2.png", Page.of("application/octet-stream", CaptureStoreTest.PNG2));
        site.put("/img/drawing.svg", Page.of("image/png", SVG_WITH_SCRIPT.getBytes(StandardCharsets.UTF_8)));
        Files.writeString(
                seedsDir.resolve("captured.md"), """
                ---
                title: 图片被存档的报道
                date: 2022-03-01
                author: 记者
                source: %1$s/news/deleted.html
                ---
                第一段文字，报道的正文。

                ![现场照片](%1$s/img/photo.png)

                ![转址的照片](%1$s/img/moved.png)

                ![矢量图](%1$s/img/drawing.svg)

                ![已经消失的照片](%1$s/img/missing.png)

                最后一段文字。
                """.formatted(site.url("").replaceAll("/$", "")));
        originalsInEveryState();
        registry.add("archive.data-dir", dataDir::toString);
        registry.add("archive.seeds-dir", seedsDir::toString);
        registry.add("archive.capture.allow-addresses", () -> "127.0.0.2/32");
        registry.add("archive.capture.host-delay", () -> "0s");
        // A host that never answers is given up on this soon, not at the default minute.
        registry.add("archive.capture.fetch-timeout", () -> "2s");
        // Two checks confirm a gone original here at once; OriginalCheckTest covers the day between them.
        registry.add("archive.capture.gone-after", () -> "0s");
        registry.add("archive.admin-token", () -> "capture-test-token");
    }

    /** What the checks find of each original of {@link #originalsInEveryState}, by its path. */
    private static final Map<String, String> ORIGINALS = Map.of(
            "/news/online.html", "online",
            "/news/removed.html", "gone",
            "/news/soft.html", "gone",
            "/news/forbidden.html", "blocked",
            "/news/old.html", "moved",
            "/news/hanging.html", "unreachable");

    /** An article for each state of an original: online, gone (410, and a soft 404), blocked, moved. */
    private static void originalsInEveryState() throws IOException {
        site.put("/", html("新闻网首页"));
        site.put("/news/online.html", html("一篇仍在的报道"));
        site.put("/news/removed.html", Page.status(410));
        site.put("/news/soft.html", Page.redirect(302, "/"));
        site.put("/news/forbidden.html", Page.status(403));
        site.put("/news/old.html", Page.redirect(301, "/news/2022/new-path.html"));
        site.put("/news/2022/new-path.html", html("换了地址的报道"));
        site.put("/news/hanging.html", Page.silent());
        String[] topics = {"港口的货轮", "山区的学校", "城市的地铁", "草原的牧民", "海边的渔村", "河边的工厂"};
        int i = 0;
        for (String path : ORIGINALS.keySet().stream().sorted().toList()) {
            Files.writeString(
                    seedsDir.resolve("original-" + i + ".md"), """
                    ---
                    title: 关于%1$s的报道
                    date: 2022-04-0%2$d
                    source: %3$s
                    ---
                    这是一篇关于%1$s的报道，第%2$d篇，写的是%1$s这些年的变化。

                    %1$s的故事还在继续。
                    """.formatted(topics[i], i + 1, site.url(path)));
            i++;
        }
    }

    private static Page html(String title) {
        return Page.of(
                "text/html; charset=utf-8",
                ("<html><head><title>" + title + "</title></head><body><p>" + title + "</p></body></html>")
                        .getBytes(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void captureTheImagesOnce() throws InterruptedException {
        if (summary != null) {
            return;
        }
        List<Article> all = new ArrayList<>();
        search.forEachMatch(SearchRequest.of(""), all::add);
        article = all.stream()
                .filter(a -> a.title().equals("图片被存档的报道"))
                .findFirst()
                .orElseThrow();
        summary = mediaCapture.run(List.of(), 0, MediaCapture.Progress.NONE);
        for (int check = 0; check < 2; check++) {
            originalCheck.run(List.of(), 0, count -> {}, done -> {});
        }
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @Test
    void everyImageIsTriedAndTheSummarySaysWhatCameOfIt() throws InterruptedException {
        assertThat(summary.fetched()).isEqualTo(4);
        assertThat(summary.count(CaptureOutcome.CAPTURED)).isEqualTo(3);
        assertThat(summary.count(CaptureOutcome.FAILED)).isEqualTo(1);
        assertThat(summary.reasons()).containsEntry("HTTP 404", 1);
        assertThat(store.image(site.url("/img/missing.png")))
                .as("a 404 is captured, not shown")
                .isEmpty();

        CaptureSummary again = mediaCapture.run(List.of(article.id()), 0, MediaCapture.Progress.NONE);

        assertThat(again.fetched()).as("only the 404 is asked again").isEqualTo(1);
        assertThat(again.alreadyCaptured()).isEqualTo(3);
        assertThat(store.history(site.url("/img/missing.png")))
                .extracting(Capture::outcome)
                .containsExactly(CaptureOutcome.CAPTURED, CaptureOutcome.UNCHANGED);
    }

    @Test
    void theReadingPageShowsTheArchivedImagesWithoutAskingTheirHost() throws IOException {
        int heard = site.requests().size();
        ChromeDriver browser = Chromium.find().start("zh-CN", downloads);
        try {
            browser.get("http://localhost:" + port + "/articles/" + article.id());
            JavascriptExecutor script = browser;
            Object loaded = script.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const images = [...document.querySelectorAll('img.archived-image')];
                    Promise.all(images.map(i => i.decode().then(() => true, () => false)))
                        .then(() => done(images.map(i => [i.getAttribute('src'), i.alt, i.naturalWidth])));
                    """);
            @SuppressWarnings("unchecked")
            List<List<Object>> images = (List<List<Object>>) loaded;
            assertThat(images).hasSize(2);
            assertThat(images).allSatisfy(image -> {
                assertThat((String) image.get(0)).startsWith("/media/");
                assertThat((Long) image.get(2)).isPositive();
            });
            assertThat(images).extracting(image -> image.get(1)).containsExactly("现场照片", "转址的照片");
            List<WebElement> placeholders = browser.findElements(By.cssSelector(".remote-image"));
            assertThat(placeholders)
                    .as("the SVG and the 404 keep the placeholder")
                    .hasSize(2);
            String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
            assertThat(browser.findElement(By.cssSelector(".original-status")).getText())
                    .startsWith("原文自 " + today.substring(0, 7))
                    .contains("起已消失（HTTP 404");
            Files.createDirectories(SCREENSHOTS);
            Files.copy(
                    browser.getScreenshotAs(OutputType.FILE).toPath(),
                    SCREENSHOTS.resolve("article-captured-desktop.png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            browser.quit();
        }
        assertThat(site.requests()).hasSize(heard);
    }

    @Test
    void theRecordAndTheExportGiveEachImageItsArchivedCopy() throws Exception {
        Capture photo = store.image(site.url("/img/photo.png")).orElseThrow();
        String archived =
                "http://localhost:" + port + "/media/" + photo.answer().sha256();

        String record =
                new String(get("/api/articles/" + article.id(), Map.of()).body(), StandardCharsets.UTF_8);
        String export = new String(
                get(
                                "/api/export?format=jsonl&q="
                                        + java.net.URLEncoder.encode("图片被存档", StandardCharsets.UTF_8),
                                Map.of())
                        .body(),
                StandardCharsets.UTF_8);

        for (String json : List.of(record, export)) {
            tools.jackson.databind.JsonNode images = new tools.jackson.databind.json.JsonMapper()
                    .readTree(json.lines().findFirst().orElseThrow())
                    .get("images");
            assertThat(images).hasSize(4);
            assertThat(images.get(0).get("url").asString()).isEqualTo(site.url("/img/photo.png"));
            assertThat(images.get(0).get("archivedUrl").asString()).isEqualTo(archived);
            assertThat(images.get(0).get("capturedAt").asString())
                    .isEqualTo(photo.time().toString());
            assertThat(images.get(1).get("archivedUrl").asString())
                    .as("through its redirect")
                    .startsWith("http://localhost:" + port + "/media/");
            assertThat(images.get(2).get("archivedUrl").isNull())
                    .as("an SVG is not shown")
                    .isTrue();
            assertThat(images.get(3).get("archivedUrl").isNull()).as("a 404").isTrue();
            tools.jackson.databind.JsonNode original = new tools.jackson.databind.json.JsonMapper()
                    .readTree(json.lines().findFirst().orElseThrow())
                    .get("original");
            assertThat(original.get("status").asString()).isEqualTo("gone");
            assertThat(original.get("httpStatus").asInt()).isEqualTo(404);
            assertThat(original.get("goneSince").isNull()).isFalse();
            assertThat(original.get("finalUrl").asString()).isEqualTo(site.url("/news/deleted.html"));
        }
        String csv = new String(
                get("/api/export?format=csv&q=" + java.net.URLEncoder.encode("图片被存档", StandardCharsets.UTF_8), Map.of())
                        .body(),
                StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",original,originalCheckedAt");
        assertThat(csv).contains(",gone,");
    }

    @Test
    void searchesFilterAndCountArticlesByWhatBecameOfTheirOriginal() throws Exception {
        JsonMapper json = new JsonMapper();
        Map<String, Integer> expected =
                new java.util.TreeMap<>(Map.of("gone", 3, "online", 1, "blocked", 1, "moved", 1, "unreachable", 1));

        JsonNode facet = json.readTree(get("/api/facets/original", Map.of()).body());
        Map<String, Integer> counted = new java.util.TreeMap<>();
        facet.get("values")
                .forEach(value -> counted.put(
                        value.get("value").asString(), value.get("count").asInt()));

        assertThat(counted).isEqualTo(expected);
        for (Map.Entry<String, String> original : ORIGINALS.entrySet()) {
            JsonNode hits = json.readTree(get("/api/search?original=" + original.getValue(), Map.of())
                            .body())
                    .get("hits");
            List<String> sources = new ArrayList<>();
            hits.forEach(hit -> sources.add(hit.get("sourceUrl").asString()));
            assertThat(sources).as(original.getValue()).contains(site.url(original.getKey()));
            assertThat(sources).as(original.getValue()).hasSize(expected.get(original.getValue()));
        }
        JsonNode both = json.readTree(
                get("/api/search?original=online&original=MOVED", Map.of()).body());
        assertThat(both.get("total").asInt()).isEqualTo(2);
        JsonNode unknown =
                json.readTree(get("/api/search?original=lost", Map.of()).body());
        assertThat(unknown.get("status").asInt()).isEqualTo(400);
        assertThat(unknown.get("detail").asString()).contains("online, moved, gone, blocked, unreachable, unchecked");
    }

    @Test
    void theFeedSaysWhatBecameOfEachOriginal() throws Exception {
        String feed = new String(get("/feed.atom?original=moved", Map.of()).body(), StandardCharsets.UTF_8);

        assertThat(feed).contains("<archive:original ").contains("status=\"moved\" httpStatus=\"200\" checkedAt=\"");
        assertThat(feed).contains("finalUrl=\"" + site.url("/news/2022/new-path.html") + "\"");
        String gone = new String(get("/feed.atom?original=gone", Map.of()).body(), StandardCharsets.UTF_8);
        assertThat(gone).contains("status=\"gone\" httpStatus=\"410\"").contains("goneSince=\"");
    }

    @Test
    void theServerRunsACaptureAsAJobForItsAdmin() throws Exception {
        String start = "/api/capture?kind=links&id=" + article.id();
        assertThat(post(start, null).statusCode()).isEqualTo(401);
        assertThat(post(start, "wrong").statusCode()).isEqualTo(403);
        assertThat(post("/api/capture?kind=everything", "capture-test-token").statusCode())
                .isEqualTo(400);
        assertThat(post("/api/capture?limit=-1", "capture-test-token").statusCode())
                .isEqualTo(400);

        HttpResponse<byte[]> queued = post(start, "capture-test-token");

        assertThat(queued.statusCode()).isEqualTo(202);
        String location = queued.headers().firstValue("Location").orElseThrow();
        tools.jackson.databind.json.JsonMapper json = new tools.jackson.databind.json.JsonMapper();
        tools.jackson.databind.JsonNode job = json.readTree(queued.body());
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!job.get("status").asString().equals("done") && System.nanoTime() < deadline) {
            assertThat(job.get("status").asString()).isIn("queued", "running");
            Thread.sleep(50);
            job = json.readTree(HTTP.send(
                            HttpRequest.newBuilder(URI.create(location))
                                    .header("Authorization", "Bearer capture-test-token")
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray())
                    .body());
        }
        assertThat(job.get("status").asString()).isEqualTo("done");
        assertThat(job.get("kind").asString()).isEqualTo("links");
        assertThat(job.get("total").asInt()).isEqualTo(1);
        assertThat(job.get("outcomes").get("gone").asInt()).isEqualTo(1);
    }

    private HttpResponse<byte[]> post(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aRasterImageIsServedInlineImmutableAndRevalidatedByItsDigest() throws Exception {
        String sha256 =
                store.image(site.url("/img/photo.png")).orElseThrow().answer().sha256();

        HttpResponse<byte[]> first = get("/media/" + sha256, Map.of());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(CaptureStoreTest.PNG);
        assertThat(first.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(first.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(first.headers().firstValue("ETag")).contains("\"" + sha256 + "\"");
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow())
                .contains("public", "max-age=31536000", "immutable");
        assertThat(first.headers().firstValue("Content-Disposition")).contains("inline");

        HttpResponse<byte[]> again = get("/media/" + sha256, Map.of("If-None-Match", "\"" + sha256 + "\""));

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void anSvgIsNeverServedInline() throws Exception {
        Capture svg = store.latest(site.url("/img/drawing.svg")).orElseThrow();
        assertThat(svg.answer().type()).as("sniffed, not the host's image/png").isEqualTo("image/svg+xml");

        HttpResponse<byte[]> answer = get("/media/" + svg.answer().sha256(), Map.of());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment");
        assertThat(answer.headers().allValues("Content-Security-Policy")).anyMatch(csp -> csp.startsWith("sandbox"));
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void unknownOrMalformedDigestsAreNotFound() throws Exception {
        for (String digest : List.of("0".repeat(64), "not-a-digest", "A".repeat(65), "%E4%B8%AD", "..%2F..%2Fetc")) {
            assertThat(get("/media/" + digest, Map.of()).statusCode())
                    .as(digest)
                    .isEqualTo(404);
        }
        // The servlet container itself refuses an encoded NUL and bytes that are no UTF-8, before any controller.
        for (String digest : List.of("%00", "%C0")) {
            assertThat(get("/media/" + digest, Map.of()).statusCode())
                    .as(digest)
                    .isEqualTo(400);
        }
    }

    private HttpResponse<byte[]> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
