package org.newsarchive.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.testing.RawHttp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Starts the real server on a random port over the seeds, as {@code serve} does, and reads its pages over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArchiveServerTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("archive.data-dir", dataDir::toString);
        registry.add("archive.seeds-dir", () -> "seeds");
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofMinutes(1))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Up to {@code maxLength} UTF-16 units drawn from {@code alphabet}, or from every unit (lone surrogates and
     * controls included) when it is null.
     */
    private static String randomString(Random random, String alphabet, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(
                    alphabet == null
                            ? (char) random.nextInt(Character.MAX_VALUE + 1)
                            : alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    @Test
    void homeListsTheSeedArticles() throws Exception {
        HttpResponse<String> home = get("/");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("中文新闻档案馆", "<dd>5</dd>", "中国最大网络互助平台“相互宝”被关停", "绝人生路的叫停 究竟动了谁的奶酪？");
    }

    @Test
    void articlePageShowsCleanBodyAndMetadata() throws Exception {
        String id = get("/").body().replaceAll("(?s).*href=\"/articles/([0-9a-f]{16})\">中国最大网络互助平台.*", "$1");

        HttpResponse<String> page = get("/articles/" + id);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("李冰", "孙芸", "2021-12-29", "<h4>民营互助平台被政府主导的“惠民保”取代？</h4>")
                .doesNotContain("翻墙");
    }

    @Test
    void searchInTraditionalFindsSimplifiedArticlesWithHighlights() throws Exception {
        HttpResponse<String> page =
                get("/search?q=" + java.net.URLEncoder.encode("網絡互助", java.nio.charset.StandardCharsets.UTF_8));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("中国最大<mark>网络互助</mark>平台“相互宝”被关停");
    }

    @Test
    void hostileQueriesAreAnsweredWithoutErrors() throws Exception {
        for (String query :
                new String[] {"\"", "OR", "-", "title:", "<script>alert(1)</script>", "*", "a".repeat(500)}) {
            HttpResponse<String> page =
                    get("/search?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(page.statusCode()).as(query).isEqualTo(200);
            assertThat(page.body()).doesNotContain("<script>alert(1)</script>");
        }
    }

    @Test
    void aMalformedQueryStringIsTheBadRequestPageNotAFailure() throws Exception {
        for (String target : List.of("/search?q=%FF", "/search?q=%ZZ&page=2", "/feed.atom?q=%ZZ", "/?lang=%E4")) {
            RawHttp.Response response = RawHttp.get(port, target, "application/atom+xml,text/html;q=0.9,*/*;q=0.5");

            assertThat(response.status()).as(target + ": " + response.body()).isEqualTo(400);
            assertThat(response.header("Content-Type")).as(target).startsWith("text/html");
            assertThat(response.body())
                    .as(target)
                    .contains("<main id=\"main\" class=\"error-page\"")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void unknownArticleIsNotFound() throws Exception {
        assertThat(get("/articles/0000000000000000").statusCode()).isEqualTo(404);
        assertThat(get("/articles/..%2F..%2Fetc").statusCode()).isIn(400, 404);
    }

    @Test
    void pagesAreCompressedAndStaticAssetsAreVersionedAndCachedForAYear() throws Exception {
        HttpResponse<byte[]> home = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                        .header("Accept-Encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(home.headers().firstValue("Content-Encoding")).hasValue("gzip");

        String stylesheet = get("/").body().replaceAll("(?s).*href=\"(/assets/css/site-[0-9a-f]{32}\\.css)\".*", "$1");
        HttpResponse<String> css = get(stylesheet);
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("max-age=31536000", "public"));
    }

    @Test
    void browsePagesListPublishersTagsAndMonths() throws Exception {
        assertThat(get("/publishers").body()).contains("href=\"/publishers/%E5%A4%A7%E7%BA%AA%E5%85%83\"");
        assertThat(get("/publishers/%E5%A4%A7%E7%BA%AA%E5%85%83").body()).contains("出版方：大纪元", "中国最大网络互助平台“相互宝”被关停");
        assertThat(get("/tags").statusCode()).isEqualTo(200);
        assertThat(get("/timeline").body()).contains("year_month=2021-12");
        assertThat(get("/about").body()).contains("/api/search");
        assertThat(get("/publishers/%E6%97%A0%E6%AD%A4%E5%87%BA%E7%89%88%E6%96%B9")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void ingestOverTheApiIsOffWithoutAnAdminToken() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/ingest"))
                        .header("Authorization", "Bearer anything")
                        .header("Content-Type", "multipart/form-data; boundary=b")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.md\"\r\n\r\n正文\r\n--b--\r\n"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("urn:news-archive:problem:forbidden", "archive.admin-token");
    }

    /**
     * Hostile queries and seeded random ones: each is answered 200 (perhaps with a fallback) or 400, never 500 and
     * never with a stack trace. How fast is for the benchmarks; a hang ends at the client's timeout.
     */
    @Test
    void hostileAndRandomQueriesAreAnsweredWithoutAFailure() throws Exception {
        List<String> queries = new java.util.ArrayList<>(List.of(
                "\"",
                "\"\"\"",
                "\"未闭合的引号",
                "OR",
                "OR OR OR",
                "- - -",
                "-",
                "AND NOT",
                "title:",
                "title:\"",
                "*",
                "*互助",
                "?助",
                "互助*",
                "(互助",
                "互助)",
                "[互助 TO 平台]",
                "{!lucene}互助",
                "\\",
                "\u0000\u0001\u001f",
                "\ud800",
                "\udfff互助",
                "互助\ud83d",
                "𠀀𪚥🀄️👨‍👩‍👧",
                "ＡＢＣ　１２３",
                "㍿",
                "㍿互助㍾",
                "\u202e互助",
                "site:",
                "site:../../etc",
                "a".repeat(10_000),
                String.join(" OR ", java.util.Collections.nCopies(1_000, "互助")),
                String.join(" ", java.util.Collections.nCopies(240, "-互")),
                "<script>alert(1)</script>",
                "%00%2e%2e%2f",
                "\r\n\r\nHTTP/1.1 200 OK"));
        Random random = new Random(20261206);
        for (int i = 0; i < 150; i++) {
            queries.add(randomString(random, null, 120));
        }
        for (int i = 0; i < 150; i++) {
            queries.add(randomString(random, "\"-:() OR*?\\互助平台網絡　ＡＢ", 60));
        }

        for (String query : queries) {
            String encoded = java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8);
            for (String path : List.of("/api/search?q=", "/search?q=", "/feed.atom?q=")) {
                HttpResponse<String> response = get(path + encoded);
                String asked = path
                        + query.codePoints()
                                .mapToObj(
                                        c -> c < 0x20 || c > 0x7e ? String.format("\\u{%x}", c) : Character.toString(c))
                                .collect(java.util.stream.Collectors.joining());
                assertThat(response.statusCode())
                        .as("%s: %s", asked, response.body())
                        .isIn(200, 400);
                assertThat(response.body()).as(asked).doesNotContain("Exception", "at org.");
            }
        }
    }
}
