package org.newsarchive.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.ingest.IngestService;
import org.newsarchive.ingest.normalize.ArticleNormalizer;
import org.newsarchive.ingest.normalize.NormalizationResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.HtmlUtils;

/**
 * Pages that depend only on the archive's snapshot are served again until the archive changes, with an ETag that
 * answers 304, and never outlive a change: a real server, a real index, an article ingested in between.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SnapshotPageCacheTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("archive.data-dir", dataDir::toString);
        registry.add("archive.seeds-dir", () -> "");
    }

    @LocalServerPort
    int port;

    @Autowired
    IngestService ingest;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String ifNoneMatch, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", language);
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Ingests a seed, returning its title as the pages show it. */
    private String ingestSeed(String name) throws Exception {
        byte[] seed = Files.readAllBytes(Path.of("seeds", name));
        ingest.ingestBytes(seed, name);
        NormalizationResult.Normalized normalized =
                (NormalizationResult.Normalized) new ArticleNormalizer().normalize(seed, name, Instant.EPOCH);
        return HtmlUtils.htmlEscape(normalized.article().title());
    }

    @Test
    void aPageIsServedAgainUntilTheArchiveChanges() throws Exception {
        String seedFile = "000_1a9ccc52b8d05a66.txt";
        HttpResponse<String> before = get("/", null, "zh-CN");
        String etag = before.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = get("/", null, "zh-CN");
        assertThat(again.body()).isEqualTo(before.body());
        assertThat(again.headers().firstValue("ETag")).contains(etag);
        assertThat(again.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");

        HttpResponse<String> notModified = get("/", etag, "zh-CN");
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();

        String shown = ingestSeed(seedFile);

        HttpResponse<String> changed = get("/", etag, "zh-CN");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(before.body()).doesNotContain(shown);
        assertThat(changed.body())
                .as("the newest articles list the one just ingested")
                .contains(shown);
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
    }

    @Test
    void eachInterfaceLanguageHasItsOwnPage() throws Exception {
        HttpResponse<String> chinese = get("/about", null, "zh-CN");
        HttpResponse<String> english = get("/about", null, "en");

        assertThat(chinese.statusCode()).isEqualTo(200);
        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.headers().firstValue("ETag"))
                .isNotEqualTo(chinese.headers().firstValue("ETag"));
        assertThat(english.body()).isNotEqualTo(chinese.body());
        assertThat(get("/about", null, "en").body()).isEqualTo(english.body());
    }

    @Test
    void aKeptPageIsSentCompressedToClientsThatAcceptGzip() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/about"))
                .header("Accept-Language", "en");
        String plain =
                http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<byte[]> compressed =
                http.send(request.header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(compressed.headers().allValues("Vary").toString()).containsIgnoringCase("accept-encoding");
        try (var in = new GZIPInputStream(new ByteArrayInputStream(compressed.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain);
        }
    }

    @Test
    void aPageAskedWithAQueryFollowsTheArchiveToo() throws Exception {
        HttpResponse<String> before = get("/?lang=en", null, "zh-CN");
        assertThat(before.body()).contains("lang=\"en\"");

        String shown = ingestSeed("004_ab59611138e6fcfc.txt");

        assertThat(before.body()).doesNotContain(shown);
        assertThat(get("/?lang=en", null, "zh-CN").body()).contains(shown, "lang=\"en\"");
    }
}
