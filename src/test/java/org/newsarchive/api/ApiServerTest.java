package org.newsarchive.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.testing.ApiContract;
import org.newsarchive.testing.RawHttp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every API endpoint over real HTTP, on a random port, over the seeds and the 200 committed corpus samples, with an
 * admin token and a watched folder.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Closed after the class: its folder watcher and index live in temporary folders deleted then.
@DirtiesContext
class ApiServerTest {

    private static final String TOKEN = "test-token-" + UUID.randomUUID();
    private static final String SEED = "000_1a9ccc52b8d05a66.txt";
    private static final String UPLOAD_LIMIT = "2MB";

    @TempDir
    static Path dataDir;

    @TempDir
    static Path seedsDir;

    @TempDir
    static Path watchDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        copyTree(Path.of("seeds"), seedsDir.resolve("seeds"));
        copyTree(Path.of("src/test/resources/corpus-sample"), seedsDir.resolve("corpus"));
        registry.add("archive.data-dir", dataDir::toString);
        registry.add("archive.seeds-dir", seedsDir::toString);
        registry.add("archive.admin-token", () -> TOKEN);
        registry.add("archive.ingest.watch-dir", watchDir::toString);
        registry.add("archive.ingest.sync-max-files", () -> "3");
        registry.add("server.tomcat.max-part-count", () -> "5");
        registry.add("spring.servlet.multipart.max-file-size", () -> UPLOAD_LIMIT);
        registry.add("spring.servlet.multipart.max-request-size", () -> UPLOAD_LIMIT);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
    }

    private static ApiContract contract;

    /**
     * Every answer of the API and the feed that a test reads as text is checked against the served OpenAPI
     * description before the test looks at it.
     */
    private HttpResponse<String> checked(HttpResponse<String> response) throws Exception {
        String path = response.request().uri().getRawPath();
        if (path.startsWith("/api/") || path.equals("/feed.atom")) {
            contract().check(response);
        }
        return response;
    }

    private ApiContract contract() throws Exception {
        if (contract == null) {
            contract = ApiContract.servedOn(port);
        }
        return contract;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return checked(http.send(request(path).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        return json.readTree(response.body());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private String seedId() throws Exception {
        return getJson("/api/search?q=" + encode("\"中国最大网络互助平台“相互宝”被关停\"") + "&size=1")
                .get("hits")
                .get(0)
                .get("id")
                .asString();
    }

    private void assertProblem(HttpResponse<String> response, int status, String type) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("at org.", "Exception");
    }

    /** The check every answer above goes through finds what breaks the description. */
    @Test
    void theContractCheckCatchesAnswersThatBreakTheDescription() throws Exception {
        getJson("/api/stats");
        java.util.Map<String, List<String>> json = java.util.Map.of("Content-Type", List.of("application/json"));
        String valid = get("/api/search?q=" + encode("互助") + "&size=1").body();

        contract.check("GET", "/api/search", 200, json, valid);
        for (String broken : List.of(
                valid.replaceFirst("\"hits\":\\[", "\"hits\":\"none\",\"ignored\":["),
                valid.replaceFirst("\"fallback\":\"none\"", "\"fallback\":\"sometimes\""),
                valid.replaceFirst("\"query\":\"[^\"]*\"", "\"query\":null"))) {
            AssertionError caught = org.assertj.core.api.Assertions.catchThrowableOfType(
                    AssertionError.class, () -> contract.check("GET", "/api/search", 200, json, broken));
            assertThat(caught).as(broken).isNotNull();
            assertThat(caught.getMessage()).contains("breaks /v3/api-docs");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> contract.check("GET", "/api/stats", 418, json, "{}"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void searchAnswersHitsWithHighlightsFacetsAndTotals() throws Exception {
        JsonNode page = getJson("/api/search?q=" + encode("網絡互助") + "&size=2");

        assertThat(page.get("query").asString()).isEqualTo("網絡互助");
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(page.get("totalIsExact").asBoolean()).isTrue();
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(page.get("fallback").asString()).isEqualTo("none");
        assertThat(page.get("hits")).hasSize(2);
        JsonNode hit = page.get("hits").get(0);
        for (String field : List.of(
                "id",
                "title",
                "titleHighlighted",
                "snippet",
                "publisher",
                "channel",
                "authors",
                "publishedAt",
                "sourceUrl",
                "url",
                "score",
                "copies")) {
            assertThat(hit.has(field)).as(field).isTrue();
        }
        assertThat(hit.get("url").asString()).startsWith("http://localhost:" + port + "/articles/");
        assertThat(page.get("hits").toString()).contains("<mark>网络互助</mark>");
        for (String facet : List.of("publisher", "channel", "tag", "year", "language")) {
            assertThat(page.get("facets").has(facet)).as(facet).isTrue();
        }
    }

    @Test
    void searchFiltersSortsAndPages() throws Exception {
        JsonNode byMonth = getJson("/api/articles?year_month=2021-12&year=2021");
        assertThat(byMonth.get("total").asLong()).isPositive();
        assertThat(byMonth.get("hits").findValuesAsString("publishedAt"))
                .allSatisfy(date -> assertThat(date).startsWith("2021-12"));

        JsonNode filtered = getJson("/api/search?q=" + encode("互助") + "&publisher=" + encode("大纪元"));
        assertThat(filtered.get("hits").findValuesAsString("publisher"))
                .isNotEmpty()
                .containsOnly("大纪元");

        JsonNode firstPage = getJson("/api/articles?size=100");
        JsonNode secondPage = getJson("/api/articles?size=100&page=2");
        assertThat(firstPage.get("total").asLong()).isGreaterThan(150);
        List<String> dates = firstPage.get("hits").findValuesAsString("publishedAt").stream()
                .filter(date -> date != null && !date.equals("null"))
                .map(date -> date.substring(0, 7))
                .toList();
        assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(secondPage.get("hits").findValuesAsString("id"))
                .doesNotContainAnyElementsOf(firstPage.get("hits").findValuesAsString("id"));

        JsonNode anyTerm = getJson("/api/search?q=" + encode("相互宝 qqqzzzxxx"));
        assertThat(anyTerm.get("fallback").asString()).isEqualTo("any_term");
    }

    @Test
    void searchFeedAndExportApplyTheAnyTermFallbackAlikeAndSaySo() throws Exception {
        String query = "q=" + encode("相互宝 qqqzzzxxx");
        JsonNode any = getJson("/api/search?" + query);
        JsonNode none = getJson("/api/search?" + query + "&fallback=none");
        assertThat(any.get("fallback").asString()).isEqualTo("any_term");
        assertThat(any.get("total").asLong()).isPositive();
        assertThat(none.get("fallback").asString()).isEqualTo("none");
        assertThat(none.get("total").asLong()).isZero();

        HttpResponse<String> exported = get("/api/export?" + query);
        HttpResponse<String> exportedNone = get("/api/export?" + query + "&fallback=none");
        assertThat(exported.headers().firstValue("Search-Fallback")).hasValue("any_term");
        assertThat(exported.body().lines().count()).isEqualTo(any.get("total").asLong());
        assertThat(exportedNone.headers().firstValue("Search-Fallback")).hasValue("none");
        assertThat(exportedNone.body()).isEmpty();

        HttpResponse<String> feed = get("/feed.atom?" + query);
        HttpResponse<String> feedNone = get("/feed.atom?" + query + "&fallback=none");
        assertThat(feed.headers().firstValue("Search-Fallback")).hasValue("any_term");
        assertThat(new SyndFeedInput().build(new StringReader(feed.body())).getEntries())
                .isNotEmpty();
        assertThat(feedNone.headers().firstValue("Search-Fallback")).hasValue("none");
        assertThat(new SyndFeedInput().build(new StringReader(feedNone.body())).getEntries())
                .isEmpty();

        HttpResponse<String> bad = get("/api/search?" + query + "&fallback=maybe");
        assertProblem(bad, 400, "urn:news-archive:problem:invalid-parameter");
        assertThat(json.readTree(bad.body()).get("parameter").asString()).isEqualTo("fallback");
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() throws Exception {
        for (String[] bad : new String[][] {
            {"size", "-1"},
            {"size", "101"},
            {"page", "-1"},
            {"from", "2021-13-01"},
            {"sort", "random"},
            {"year", "abcd"},
            {"year_month", "2021-9"},
            {"year-month", "2021-09"},
            {"q", "字".repeat(501)}
        }) {
            HttpResponse<String> response = get("/api/search?" + bad[0] + "=" + encode(bad[1]));
            assertProblem(response, 400, "urn:news-archive:problem:invalid-parameter");
            assertThat(json.readTree(response.body()).get("parameter").asString())
                    .isEqualTo(bad[0]);
        }
        for (String[] bad : new String[][] {
            {"/api/suggest", "q", "is required"},
            {"/api/suggest?q=a&size=abc", "size", "whole number"},
            {"/api/articles/" + seedId() + "/related?size=abc", "size", "whole number"},
            {"/api/export?formt=csv", "formt", "format"},
            {"/api/search?q=a&sizee=3", "sizee", "size"},
            {"/api/articles?qq=", "qq", "q,"},
            {"/api/stats?verbose=true", "verbose", "takes none"},
        }) {
            HttpResponse<String> response = get(bad[0]);
            assertProblem(response, 400, "urn:news-archive:problem:invalid-parameter");
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.get("parameter").asString()).as(bad[0]).isEqualTo(bad[1]);
            assertThat(problem.get("detail").asString()).as(bad[0]).contains(bad[2]);
        }
        assertProblem(get("/api/articles/ffffffffffffffff"), 404, "urn:news-archive:problem:not-found");
        assertProblem(get("/api/articles/..%2e/original"), 404, "urn:news-archive:problem:not-found");
        HttpResponse<String> encodedSlash = get("/api/articles/..%2F..%2Fetc%2Fpasswd/original");
        assertProblem(encodedSlash, 404, "urn:news-archive:problem:not-found");
        assertThat(encodedSlash.body()).doesNotContain("root:");
        assertProblem(get("/api/articles/a%2Fb"), 404, "urn:news-archive:problem:not-found");
        assertProblem(
                send(request("/feed.atom").header("Accept", "application/json")),
                406,
                "urn:news-archive:problem:not-acceptable");
        assertProblem(get("/api/no-such-endpoint"), 404, "urn:news-archive:problem:not-found");
        assertProblem(get("/api/facets/colour"), 404, "urn:news-archive:problem:not-found");
    }

    @Test
    void aCursorWalksEveryMatchOnceFollowingTheNextLinks() throws Exception {
        long total = getJson("/api/articles?size=1").get("total").asLong();
        List<String> seen = new ArrayList<>();
        String next = "/api/articles?size=40&cursor=*";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> response = get(next.replace("http://localhost:" + port, ""));
            assertThat(response.statusCode()).as(next + ": " + response.body()).isEqualTo(200);
            JsonNode page = json.readTree(response.body());
            seen.addAll(page.get("hits").findValuesAsString("id"));
            JsonNode nextField = page.get("next");
            next = nextField.isNull() ? null : nextField.asString();
            if (next != null) {
                assertThat(response.headers().firstValue("Link"))
                        .hasValueSatisfying(link -> assertThat(link)
                                .contains("rel=\"next\"", "rel=\"first\"")
                                .contains("cursor="
                                        + encode(page.get("nextCursor").asString())));
            } else {
                assertThat(page.get("nextCursor").isNull()).isTrue();
            }
            pages++;
        }

        assertThat(seen).doesNotHaveDuplicates().hasSize((int) total);
        assertThat(pages).isEqualTo((int) Math.ceil(total / 40.0));
    }

    @Test
    void facetsAloneInTheSizeAndOrderAskedForAndPerQueryFacetValues() throws Exception {
        JsonNode counts = getJson("/api/search?q=" + encode("中共") + "&size=0&facetSize=2&facetSort=count");
        assertThat(counts.get("hits").isEmpty()).isTrue();
        assertThat(counts.get("total").asLong()).isPositive();
        assertThat(counts.get("next").isNull()).isTrue();
        counts.get("facets")
                .properties()
                .forEach(dimension -> assertThat(dimension.getValue().size())
                        .as(dimension.getKey())
                        .isLessThanOrEqualTo(2));

        JsonNode months = getJson("/api/articles?size=0&facetSize=1000&facetSort=value")
                .get("facets")
                .get("year_month");
        List<String> inOrder = months.findValuesAsString("value");
        assertThat(inOrder).hasSizeGreaterThan(2).isSorted();

        JsonNode everyChannel = getJson("/api/facets/channel?q=" + encode("中共"));
        JsonNode searched = getJson("/api/search?q=" + encode("中共") + "&size=0&facetSize=1000")
                .get("facets")
                .get("channel");
        assertThat(everyChannel.get("values")).isEqualTo(searched);
        assertThat(getJson("/api/facets/year-month?facetSort=value")
                        .get("values")
                        .findValuesAsString("value"))
                .isSorted()
                .containsAll(inOrder);

        for (String[] bad : new String[][] {{"facetSize", "0"}, {"facetSize", "1001"}, {"facetSort", "random"}}) {
            HttpResponse<String> response = get("/api/search?" + bad[0] + "=" + bad[1]);
            assertProblem(response, 400, "urn:news-archive:problem:invalid-parameter");
            assertThat(json.readTree(response.body()).get("parameter").asString())
                    .isEqualTo(bad[0]);
        }
        assertProblem(get("/api/articles?size=0&cursor=*"), 400, "urn:news-archive:problem:invalid-parameter");
    }

    @Test
    void numberedPagesLinkToTheFirstPreviousAndNextPage() throws Exception {
        HttpResponse<String> second = get("/api/search?q=" + encode("互助") + "&size=2&page=2");
        JsonNode page = json.readTree(second.body());

        assertThat(page.get("next").asString()).endsWith("/api/search?q=" + encode("互助") + "&size=2&page=3");
        assertThat(second.headers().firstValue("Link"))
                .hasValueSatisfying(link -> assertThat(link)
                        .contains("page=3>; rel=\"next\"")
                        .contains("size=2>; rel=\"prev\"")
                        .contains("size=2>; rel=\"first\""));
        assertThat(json.readTree(get("/api/search?q=" + encode("相互宝")).body())
                        .get("next")
                        .isNull())
                .isTrue();
    }

    @Test
    void hitsCarryTheRecordFieldsAskedForAndTheLinksKeepEveryOption() throws Exception {
        JsonNode standard = getJson("/api/search?q=" + encode("中共") + "&size=2").get("hits");
        assertThat(standard.get(0).propertyNames())
                .containsExactly(
                        "id",
                        "title",
                        "publisher",
                        "channel",
                        "authors",
                        "publishedAt",
                        "sourceUrl",
                        "url",
                        "titleHighlighted",
                        "snippet",
                        "score",
                        "copies",
                        "matchedVersion");

        String query = "q=" + encode("中共") + "&size=2&fields=" + encode("text,tags") + "&fallback=none&facetSize=3";
        HttpResponse<String> response = get("/api/search?" + query);
        JsonNode page = json.readTree(response.body());
        JsonNode hit = page.get("hits").get(0);
        assertThat(hit.propertyNames())
                .containsExactly(
                        "id",
                        "tags",
                        "text",
                        "url",
                        "titleHighlighted",
                        "snippet",
                        "score",
                        "copies",
                        "matchedVersion");
        String id = hit.get("id").asString();
        assertThat(hit.get("text").asString())
                .isNotBlank()
                .isEqualTo(getJson("/api/articles/" + id).get("text").asString());
        assertThat(page.get("next").asString()).endsWith("/api/search?" + query + "&page=2");
        assertThat(response.headers().firstValue("Link"))
                .hasValueSatisfying(link -> assertThat(link).contains("fields=" + encode("text,tags")));

        JsonNode walked = getJson("/api/articles?size=3&cursor=*&fields=html");
        assertThat(walked.get("hits").get(0).get("html").asString()).contains("<p");
        assertThat(walked.get("next").asString()).contains("fields=html").contains("cursor=");

        for (String bad : List.of("copies", "body", ",")) {
            HttpResponse<String> refused = get("/api/search?fields=" + encode(bad));
            assertProblem(refused, 400, "urn:news-archive:problem:invalid-parameter");
            assertThat(json.readTree(refused.body()).get("parameter").asString())
                    .isEqualTo("fields");
        }
    }

    @Test
    void aCursorThatIsMadeUpOrCombinedWithAPageIsAProblem() throws Exception {
        String newest = getJson("/api/articles?size=2&cursor=*&sort=newest")
                .get("nextCursor")
                .asString();
        for (String path : List.of(
                "/api/articles?cursor=bm90LWEtY3Vyc29y",
                "/api/articles?cursor=" + encode("%%%"),
                "/api/articles?cursor=" + encode(newest) + "&sort=oldest",
                "/api/articles?cursor=" + "x".repeat(600))) {
            HttpResponse<String> response = get(path);
            assertProblem(response, 400, "urn:news-archive:problem:invalid-parameter");
            assertThat(json.readTree(response.body()).get("parameter").asString())
                    .as(path)
                    .isEqualTo("cursor");
        }
        HttpResponse<String> withPage = get("/api/articles?cursor=*&page=2");
        assertProblem(withPage, 400, "urn:news-archive:problem:invalid-parameter");
        assertThat(json.readTree(withPage.body()).get("parameter").asString()).isEqualTo("page");
    }

    @Test
    void aPageBeyondTheDepthLimitIsAProblemThatNamesTheLastPage() throws Exception {
        for (String path : List.of("/api/search?q=%E4%BA%92%E5%8A%A9&page=101&size=100", "/api/articles?page=501")) {
            HttpResponse<String> response = get(path);

            assertProblem(response, 400, "urn:news-archive:problem:invalid-parameter");
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.get("parameter").asString()).isEqualTo("page");
            assertThat(problem.get("detail").asString()).contains("10000", "/api/export");
        }
        assertThat(problemDetail(get("/api/search?q=a&page=101&size=100"))).contains("at most 100 with size 100");
        assertThat(get("/api/articles?page=500").statusCode()).isEqualTo(200);
    }

    private String problemDetail(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body()).get("detail").asString();
    }

    @Test
    void malformedPercentEncodingIsAProblemNamingTheParameter() throws Exception {
        String[][] cases = {
            {"/api/search?q=%ZZ", "q"},
            {"/api/search?q=%FF", "q"},
            {"/api/search?q=%ED%A0%80", "q"},
            {"/api/search?q=%F0%9F%98", "q"},
            {"/api/search?q=a%", "q"},
            {"/api/search?size=3&q=%E4%B8", "q"},
            {"/api/stats?x=%ZZ", "x"},
            {"/api/suggest?q=%ZZ", "q"},
        };
        for (String[] bad : cases) {
            RawHttp.Response response = RawHttp.get(port, bad[0], "application/json");
            contract()
                    .check(
                            "GET",
                            bad[0].substring(0, bad[0].indexOf('?')),
                            response.status(),
                            java.util.Map.of("Content-Type", List.of(response.header("Content-Type"))),
                            response.body());

            assertThat(response.status()).as(bad[0] + ": " + response.body()).isEqualTo(400);
            assertThat(response.header("Content-Type")).as(bad[0]).isEqualTo("application/problem+json");
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.get("type").asString()).isEqualTo("urn:news-archive:problem:invalid-parameter");
            assertThat(problem.get("parameter").asString()).as(bad[0]).isEqualTo(bad[1]);
            assertThat(problem.get("detail").asString()).contains("percent-encoded UTF-8");
        }
        RawHttp.Response wellFormed = RawHttp.get(port, "/api/search?q=%E7%BD%91%E7%BB%9C&size=1", "application/json");
        assertThat(wellFormed.status()).isEqualTo(200);
    }

    @Test
    void articleRecordIsCompleteAndCacheable() throws Exception {
        String id = seedId();
        HttpResponse<String> response = get("/api/articles/" + id);
        JsonNode article = json.readTree(response.body());

        for (String field : List.of(
                "id",
                "title",
                "subtitle",
                "publisher",
                "channel",
                "authors",
                "editors",
                "publishedAt",
                "publishedPrecision",
                "sourceUrl",
                "tags",
                "categories",
                "keywords",
                "leadImage",
                "images",
                "language",
                "text",
                "html",
                "charCount",
                "readingMinutes",
                "copies",
                "source")) {
            assertThat(article.has(field)).as(field).isTrue();
        }
        assertThat(article.get("publisher").asString()).isEqualTo("大纪元");
        assertThat(article.get("publishedAt").asString()).isEqualTo("2021-12-29");
        assertThat(article.get("publishedPrecision").asString()).isEqualTo("date");
        String path = article.get("source").get("path").asString();
        assertThat(path).startsWith("seeds/");
        assertThat(article.get("copies").findValuesAsString("path")).contains(path);
        assertThat(article.get("source").get("sha256").asString()).hasSize(64);

        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(response.headers().firstValue("Last-Modified")).isPresent();
        HttpResponse<String> again = send(request("/api/articles/" + id).header("If-None-Match", etag));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void originalIsTheExactIngestedBytes() throws Exception {
        String id = seedId();
        String path = getJson("/api/articles/" + id).get("source").get("path").asString();
        HttpResponse<byte[]> original = http.send(
                request("/api/articles/" + id + "/original").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.body()).isEqualTo(Files.readAllBytes(seedsDir.resolve(path)));
        assertThat(original.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/"));
        assertThat(original.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(disposition -> assertThat(disposition)
                        .contains("attachment", Path.of(path).getFileName().toString()));
    }

    @Test
    void anArticleIsCitedInBibtexRisAndCslJson() throws Exception {
        String id = seedId();
        HttpResponse<String> bibtex = get("/api/articles/" + id + "/citation");
        assertThat(bibtex.statusCode()).isEqualTo(200);
        assertThat(bibtex.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/x-bibtex"));
        assertThat(bibtex.body()).startsWith("@online{newsarchive-" + id + ",");

        HttpResponse<String> ris = get("/api/articles/" + id + "/citation?format=RIS");
        assertThat(ris.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/x-research-info-systems"));
        assertThat(ris.body()).startsWith("TY  - NEWS\r\n").endsWith("ER  - \r\n");

        JsonNode csl = json.readTree(
                get("/api/articles/" + id + "/citation?format=csl-json").body());
        assertThat(csl.get(0).get("archive_location").asString()).endsWith("/articles/" + id);

        HttpResponse<String> unknown = get("/api/articles/" + id + "/citation?format=endnote");
        assertProblem(unknown, 400, "urn:news-archive:problem:invalid-parameter");
        assertThat(json.readTree(unknown.body()).get("parameter").asString()).isEqualTo("format");
        assertProblem(get("/api/articles/0000000000000000/citation"), 404, "urn:news-archive:problem:not-found");
    }

    @Test
    void relatedSuggestFacetsAndStats() throws Exception {
        String id = seedId();
        JsonNode related = getJson("/api/articles/" + id + "/related?size=3");
        assertThat(related.isArray()).isTrue();
        assertThat(related.size()).isBetween(1, 3);
        assertThat(related.findValuesAsString("id")).doesNotContain(id);
        assertProblem(
                get("/api/articles/" + id + "/related?size=500"), 400, "urn:news-archive:problem:invalid-parameter");
        assertThat(related.get(0).propertyNames())
                .contains("id", "title", "publishedAt", "url")
                .doesNotContain("text", "html", "images", "copies", "source");
        JsonNode chosen = getJson("/api/articles/" + id + "/related?size=2&fields=" + encode("id, text"));
        assertThat(chosen.get(0).propertyNames()).containsExactly("id", "text");
        HttpResponse<String> unknownField = get("/api/articles/" + id + "/related?fields=id,body");
        assertProblem(unknownField, 400, "urn:news-archive:problem:invalid-parameter");
        assertThat(json.readTree(unknownField.body()).get("detail").asString()).contains("body", "publishedAt");

        assertThat(getJson("/api/suggest?q=" + encode("中国最大")).toString()).contains("中国最大网络互助平台");

        JsonNode publishers = getJson("/api/facets/publisher");
        assertThat(publishers.get("values").findValuesAsString("value")).contains("大纪元", "GNews");
        JsonNode months = getJson("/api/facets/year-month");
        assertThat(months.get("name").asString()).isEqualTo("year_month");
        assertThat(months.get("values").findValuesAsString("value")).contains("2021-12");

        JsonNode stats = getJson("/api/stats");
        assertThat(stats.get("articles").asLong()).isGreaterThan(150);
        assertThat(stats.get("publishers").asInt()).isGreaterThan(1);
        assertThat(stats.get("indexSizeBytes").asLong()).isPositive();
        assertThat(stats.get("lastIngest").asString()).isNotBlank();
        assertThat(stats.get("earliest").asString())
                .isLessThan(stats.get("latest").asString());
    }

    @Test
    void exportLinesCarryTheFieldsAskedForAndNeverANullCopiesList() throws Exception {
        List<JsonNode> whole = get("/api/export?q=" + encode("互助"))
                .body()
                .lines()
                .map(json::readTree)
                .toList();
        List<JsonNode> slim = get("/api/export?q=" + encode("互助") + "&fields=id,title,publishedAt")
                .body()
                .lines()
                .map(json::readTree)
                .toList();

        assertThat(whole)
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line.propertyNames())
                        .contains("text", "html", "source")
                        .doesNotContain("copies"));
        assertThat(slim)
                .hasSameSizeAs(whole)
                .allSatisfy(line -> assertThat(line.propertyNames()).containsExactly("id", "title", "publishedAt"));
        HttpResponse<String> csv = get("/api/export?format=csv&fields=id");
        assertProblem(csv, 400, "urn:news-archive:problem:invalid-parameter");
    }

    @Test
    void exportStreamsEveryMatchAsJsonLinesAndCsv() throws Exception {
        long total = getJson("/api/articles?size=1").get("total").asLong();

        HttpResponse<String> jsonl = get("/api/export?format=jsonl");
        assertThat(jsonl.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
        List<String> lines = jsonl.body().lines().toList();
        assertThat(lines).hasSize((int) total).hasSizeGreaterThan(100);
        assertThat(lines.stream()
                        .map(line -> json.readTree(line).get("id").asString())
                        .distinct())
                .hasSize((int) total);

        HttpResponse<String> csv = get("/api/export?format=csv&q=" + encode("互助"));
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv.body()))
                .getRecords();
        long matching = getJson("/api/search?q=" + encode("互助")).get("total").asLong();
        assertThat(rows).hasSize((int) matching);
        assertThat(rows.get(0).get("title")).isNotBlank();
        assertThat(rows.get(0).get("text")).isNotBlank();

        assertProblem(get("/api/export?format=xml"), 400, "urn:news-archive:problem:invalid-parameter");
    }

    @Test
    void csvCellsThatSpreadsheetsWouldRunAsFormulasAreNeutralizedAndTheByteOrderMarkIsOffered() throws Exception {
        String title = "=HYPERLINK(\"http://evil.example\",\"点这里\")";
        byte[] file = ("---\ntitle: '" + title + "'\ndate: 2024-01-02\n---\n\n"
                        + "@公式注入测试的正文第一段，内容很长很长很长。\n\n正文第二段，说明情况。\n")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> uploaded = upload(TOKEN, "files", "formula.md", file);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);

        String search = "q=" + encode("\"公式注入测试的正文\"");
        HttpResponse<String> csv = get("/api/export?format=csv&bom=true&" + search);
        assertThat(csv.body()).startsWith("\uFEFF");
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv.body().substring(1)))
                .getRecords();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("title")).isEqualTo("'" + title);
            assertThat(row.get("text")).startsWith("'@公式注入测试");
        });
        assertThat(get("/api/export?format=csv&" + search).body()).startsWith("id,");
        assertThat(get("/api/export?format=jsonl&bom=true&" + search).body()).startsWith("{");
        HttpResponse<String> badBom = get("/api/export?format=csv&bom=yes");
        assertProblem(badBom, 400, "urn:news-archive:problem:invalid-parameter");
        assertThat(json.readTree(badBom.body()).get("parameter").asString()).isEqualTo("bom");
    }

    @Test
    void languageTagsAreCaseInsensitiveAndAnUnknownOneIsAProblem() throws Exception {
        long exact =
                getJson("/api/articles?language=zh-Hans&size=1").get("total").asLong();

        assertThat(exact).isPositive();
        assertThat(getJson("/api/articles?language=zh-hans&size=1").get("total").asLong())
                .isEqualTo(exact);
        assertThat(getJson("/api/articles?language=ZH-HANS&size=1").get("total").asLong())
                .isEqualTo(exact);
        HttpResponse<String> unknown = get("/api/articles?language=klingon");
        assertProblem(unknown, 400, "urn:news-archive:problem:invalid-parameter");
        assertThat(json.readTree(unknown.body()).get("parameter").asString()).isEqualTo("language");
    }

    @Test
    void atomFeedFollowsASearch() throws Exception {
        HttpResponse<String> response = get("/feed.atom?q=" + encode("互助"));

        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/atom+xml"));
        SyndFeed feed = new SyndFeedInput().build(new StringReader(response.body()));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getTitle()).contains("互助");
        assertThat(feed.getEntries()).isNotEmpty();
        assertThat(feed.getEntries().get(0).getLink()).startsWith("http://localhost:" + port + "/articles/");
        assertThat(get("/search?q=" + encode("互助")).body())
                .contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/feed.atom?q=");
    }

    @Test
    void atomFeedFollowsRfc4287AndAnswersConditionalRequests() throws Exception {
        for (String path : List.of("/feed.atom", "/feed.atom?sort=ingested", "/feed.atom?q=" + encode("中共"))) {
            HttpResponse<String> response = get(path);
            SyndFeed feed = new SyndFeedInput().build(new StringReader(response.body()));
            List<java.util.Date> updated = feed.getEntries().stream()
                    .map(com.rometools.rome.feed.synd.SyndEntry::getUpdatedDate)
                    .toList();

            assertThat(feed.getEntries()).as(path).isNotEmpty();
            assertThat(feed.getPublishedDate())
                    .as("feed updated is its newest entry's: " + path)
                    .isEqualTo(java.util.Collections.max(updated));
            assertThat(response.body()).as(path).doesNotContain("dc:date", "<name />", "<name></name>", "<name/>");
            for (var entry : feed.getEntries()) {
                String id = entry.getLink().substring(entry.getLink().lastIndexOf('/') + 1);
                JsonNode article = getJson("/api/articles/" + id);
                assertThat(entry.getPublishedDate() == null)
                        .as("published only when known: " + id)
                        .isEqualTo(article.get("publishedAt").isNull());
                assertThat(entry.getUpdatedDate().toInstant())
                        .isEqualTo(java.time.Instant.parse(
                                        article.get("source").get("ingestedAt").asString())
                                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            }
            if (path.contains("ingested")) {
                assertThat(updated).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            }

            String etag = response.headers().firstValue("ETag").orElseThrow();
            assertThat(response.headers().firstValue("Last-Modified")).isPresent();
            HttpResponse<String> again = send(request(path).header("If-None-Match", etag));
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).isEmpty();
        }
    }

    @Test
    void readsAreOpenToOtherOriginsAndCompressed() throws Exception {
        HttpResponse<byte[]> response = http.send(
                request("/api/articles?size=20")
                        .header("Origin", "https://researcher.example")
                        .header("Accept-Encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers"))
                .hasValueSatisfying(exposed -> assertThat(exposed.toLowerCase(java.util.Locale.ROOT))
                        .contains("link", "etag", "content-disposition"));
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();

        for (String path : List.of(
                "/api/articles/" + seedId(), "/api/export?format=jsonl", "/api/export?format=csv", "/feed.atom")) {
            HttpResponse<byte[]> large = http.send(
                    request(path).header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(large.statusCode()).as(path).isEqualTo(200);
            assertThat(large.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            assertThat(new String(
                            new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(large.body()))
                                    .readAllBytes(),
                            StandardCharsets.UTF_8))
                    .as(path)
                    .isNotBlank();
        }
    }

    @Test
    void headOfAnExportGivesItsHeadersWithoutRunningIt() throws Exception {
        HttpResponse<String> head =
                send(request("/api/export?format=csv").method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(head.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(disposition -> assertThat(disposition).contains("news-archive-export.csv"));
        assertThat(head.body()).isEmpty();
    }

    @Test
    void aWrongMethodOrMediaTypeIsItsOwnProblem() throws Exception {
        HttpResponse<String> postSearch = send(request("/api/search?q=a").POST(HttpRequest.BodyPublishers.noBody()));
        assertProblem(postSearch, 405, "urn:news-archive:problem:method-not-allowed");
        assertThat(postSearch.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");

        HttpResponse<String> deleteArticle =
                send(request("/api/articles/" + seedId()).DELETE());
        assertProblem(deleteArticle, 405, "urn:news-archive:problem:method-not-allowed");
        assertThat(deleteArticle.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");

        HttpResponse<String> getIngest = get("/api/ingest");
        assertProblem(getIngest, 405, "urn:news-archive:problem:method-not-allowed");
        assertThat(getIngest.headers().firstValue("Allow")).hasValue("OPTIONS, POST");

        assertProblem(
                send(request("/api/search?q=a").header("Accept", "text/plain")),
                406,
                "urn:news-archive:problem:not-acceptable");

        HttpRequest.Builder json = request("/api/ingest")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"files\":[]}"));
        assertProblem(send(json), 401, "urn:news-archive:problem:unauthorized");
        assertProblem(
                send(json.header("Authorization", "Bearer " + TOKEN)),
                415,
                "urn:news-archive:problem:unsupported-media-type");
        assertProblem(
                send(request("/api/ingest")
                        .header("Authorization", "Bearer " + TOKEN)
                        .POST(HttpRequest.BodyPublishers.noBody())),
                415,
                "urn:news-archive:problem:unsupported-media-type");
        assertProblem(get("/api/no-such-endpoint"), 404, "urn:news-archive:problem:not-found");
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) throws Exception {
        return checked(http.send(builder.build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void ingestNeedsTheAdminToken() throws Exception {
        byte[] file = Files.readAllBytes(Path.of("src/test/resources/browser/traditional.md"));

        HttpResponse<String> anonymous = upload(null, "files", "traditional.md", file);
        assertProblem(anonymous, 401, "urn:news-archive:problem:unauthorized");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertProblem(upload("wrong", "files", "traditional.md", file), 403, "urn:news-archive:problem:forbidden");

        HttpResponse<String> accepted = upload(TOKEN, "files", "traditional.md", file);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        JsonNode report = json.readTree(accepted.body());
        assertThat(report.get("summary").get("files").asInt()).isEqualTo(1);
        JsonNode entry = report.get("files").get(0);
        assertThat(entry.get("path").asString()).isEqualTo("traditional.md");
        assertThat(entry.get("status").asString()).isIn("ingested", "unchanged");
        assertThat(getJson("/api/articles/" + entry.get("id").asString())
                        .get("title")
                        .asString())
                .isEqualTo("網絡互助平臺相繼關停　會員權益誰來保障");
    }

    @Test
    void aLargeUploadOrOneAskedAsyncIsAJobToPollUntilItsReportIsReady() throws Exception {
        byte[] seed = Files.readAllBytes(Path.of("seeds", SEED));
        byte[] fourFiles = zip(List.of("a.txt", "b.txt", "c.txt", "d.txt"), seed);

        HttpResponse<String> queued = upload(TOKEN, "files", "four.zip", fourFiles);
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
        JsonNode job = json.readTree(queued.body());
        assertThat(job.get("status").asString()).isIn("queued", "running", "done");
        assertThat(job.get("files").asInt()).isEqualTo(4);
        assertThat(job.has("report")).isFalse();
        String address = job.get("url").asString();
        assertThat(queued.headers().firstValue("Location")).hasValue(address);

        JsonNode done = awaitJob(address.replace("http://localhost:" + port, ""));
        assertThat(done.get("filesDone").asInt()).isEqualTo(4);
        assertThat(done.get("bytesDone").asLong()).isEqualTo(done.get("bytes").asLong());
        assertThat(done.get("counts").get("failed").asLong()).isZero();
        assertThat(done.get("report").get("files").findValuesAsString("path"))
                .containsExactlyInAnyOrder("four/a.txt", "four/b.txt", "four/c.txt", "four/d.txt");
        assertThat(done.get("finishedAt").isNull()).isFalse();

        HttpResponse<String> asked = upload(TOKEN, "files", "one.md", seed, "?async=true");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        String askedId = json.readTree(asked.body()).get("id").asString();
        assertThat(awaitJob("/api/ingest/jobs/" + askedId)
                        .get("report")
                        .get("files")
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("unchanged");
        HttpResponse<String> started = upload(TOKEN, "files", "one.md", seed, "/jobs");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(awaitJob(started.headers()
                                .firstValue("Location")
                                .orElseThrow()
                                .replace("http://localhost:" + port, ""))
                        .get("counts")
                        .get("unchanged")
                        .asLong())
                .isEqualTo(1);
        assertProblem(upload(null, "files", "one.md", seed, "/jobs"), 401, "urn:news-archive:problem:unauthorized");
        HttpResponse<String> waited = upload(TOKEN, "files", "four.zip", fourFiles, "?async=false");
        assertThat(waited.statusCode()).as(waited.body()).isEqualTo(200);
        assertThat(json.readTree(waited.body()).get("summary").get("unchanged").asLong())
                .isEqualTo(4);

        JsonNode listed = json.readTree(send(request("/api/ingest/jobs").header("Authorization", "Bearer " + TOKEN))
                .body());
        assertThat(listed.findValuesAsString("id"))
                .contains(askedId, job.get("id").asString());
        assertThat(listed.get(0).has("report")).isFalse();

        assertProblem(get("/api/ingest/jobs/" + askedId), 401, "urn:news-archive:problem:unauthorized");
        assertProblem(
                send(request("/api/ingest/jobs/0123").header("Authorization", "Bearer " + TOKEN)),
                404,
                "urn:news-archive:problem:not-found");
        HttpResponse<String> badAsync = upload(TOKEN, "files", "one.md", seed, "?async=soon");
        assertProblem(badAsync, 400, "urn:news-archive:problem:invalid-parameter");
        assertThat(json.readTree(badAsync.body()).get("parameter").asString()).isEqualTo("async");
    }

    /**
     * Polls a job until it is done, as a script would, a few times a second; fails if it fails, or at a guard far
     * above the seconds a job takes.
     */
    private JsonNode awaitJob(String path) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            JsonNode job = json.readTree(send(request(path).header("Authorization", "Bearer " + TOKEN))
                    .body());
            String status = job.get("status").asString();
            assertThat(status).as(job.toString()).isNotEqualTo("failed");
            if (status.equals("done")) {
                return job;
            }
            assertThat(System.nanoTime()).as("job still " + status).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void everyUploadedFileIsInTheReportArticleOrNot() throws Exception {
        byte[] pdf = "%PDF-1.7\n\u0000\u0001\u0002binary".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> single = upload(TOKEN, "files", "scan.pdf", pdf);
        assertThat(single.statusCode()).as(single.body()).isEqualTo(200);
        JsonNode refused = json.readTree(single.body()).get("files").get(0);
        assertThat(refused.get("path").asString()).isEqualTo("scan.pdf");
        assertThat(refused.get("status").asString()).isEqualTo("failed");
        assertThat(refused.toString()).contains("binary");

        byte[] seed = Files.readAllBytes(Path.of("seeds", SEED));
        HttpResponse<String> zipped = upload(
                TOKEN, "files", "mixed.zip", zip(List.of("a/seed.txt"), seed, List.of("a/photo.bin"), new byte[] {
                    0, 1, 2, 3
                }));
        assertThat(json.readTree(zipped.body()).get("files").findValuesAsString("path"))
                .containsExactlyInAnyOrder("mixed/a/photo.bin", "mixed/a/seed.txt");
    }

    @Test
    void aPostWithOnlyItsTitleIsKeptMarkedAsHavingNoTextAndCounted() throws Exception {
        byte[] titleOnly = ("---\ntitle: 只剩标题的报道\nfrom: https://example.org/deleted/1.html\n"
                        + "date: 2022-03-01\n---\n")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> accepted = upload(TOKEN, "files", "title-only.md", titleOnly);
        JsonNode file = json.readTree(accepted.body()).get("files").get(0);
        assertThat(file.get("status").asString()).as(accepted.body()).isEqualTo("ingested");
        assertThat(file.get("problems").toString()).contains("only a title");

        JsonNode article = getJson("/api/articles/" + file.get("id").asString());
        assertThat(article.get("hasText").asBoolean()).isFalse();
        assertThat(article.get("title").asString()).isEqualTo("只剩标题的报道");
        assertThat(getJson("/api/stats").get("articlesWithoutText").asLong()).isPositive();
        assertThat(get("/articles/" + file.get("id").asString()).body()).contains("no-text");
    }

    @Test
    void anUploadOverTheLimitIsAProblemThatNamesTheLimit() throws Exception {
        HttpResponse<String> tooLarge = upload(TOKEN, "files", "large.md", new byte[3 * 1024 * 1024]);

        assertProblem(tooLarge, 413, "urn:news-archive:problem:payload-too-large");
        assertThat(json.readTree(tooLarge.body()).get("limitBytes").asLong()).isEqualTo(2 * 1024 * 1024);

        byte[] seed = Files.readAllBytes(Path.of("seeds", SEED));
        List<byte[]> sixFiles = java.util.Collections.nCopies(6, seed);
        HttpResponse<String> tooMany = upload(TOKEN, sixFiles);
        assertProblem(tooMany, 413, "urn:news-archive:problem:payload-too-large");
        assertThat(json.readTree(tooMany.body()).get("limitFiles").asInt()).isEqualTo(5);
        assertThat(json.readTree(tooMany.body()).get("detail").asString()).contains("zip");
    }

    @Test
    void ingestUnpacksSafeZipsAndRefusesUnsafeOnes() throws Exception {
        byte[] seed = Files.readAllBytes(Path.of("seeds", SEED));

        HttpResponse<String> accepted = upload(TOKEN, "files", "batch.zip", zip(List.of("2021/12/seed.txt"), seed));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(json.readTree(accepted.body())
                        .get("files")
                        .get(0)
                        .get("path")
                        .asString())
                .isEqualTo("batch/2021/12/seed.txt");

        assertProblem(
                upload(TOKEN, "files", "evil.zip", zip(List.of("../../escape.md"), seed)),
                400,
                "urn:news-archive:problem:invalid-upload");
        assertProblem(
                upload(TOKEN, "files", "evil.zip", zip(List.of("/etc/cron.d/escape.md"), seed)),
                400,
                "urn:news-archive:problem:invalid-upload");
        assertProblem(
                upload(TOKEN, "files", "bomb.zip", zip(List.of("zeros.txt"), new byte[50 << 20])),
                400,
                "urn:news-archive:problem:invalid-upload");
        assertThat(Files.exists(dataDir.resolve("../escape.md").normalize())).isFalse();
    }

    @Test
    void watchedFolderIngestsDroppedFiles() throws Exception {
        Files.copy(Path.of("src/test/resources/browser/hostile.md"), watchDir.resolve("dropped.md"));

        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        long found = 0;
        while (found == 0 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            found = getJson("/api/search?q=" + encode("惡意標記測試")).get("total").asLong();
        }
        assertThat(found).isEqualTo(1);
    }

    @Test
    void openApiDescribesEveryEndpointAndParameter() throws Exception {
        JsonNode spec = getJson("/v3/api-docs");

        assertThat(spec.get("paths").propertyNames())
                .contains(
                        "/api/search",
                        "/api/articles",
                        "/api/articles/{id}",
                        "/api/articles/{id}/original",
                        "/api/articles/{id}/related",
                        "/api/facets/{name}",
                        "/api/stats",
                        "/api/suggest",
                        "/api/export",
                        "/api/ingest",
                        "/feed.atom");
        List<String> undocumented = new ArrayList<>();
        spec.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    if (!operation.getValue().has("summary")) {
                        undocumented.add(path.getKey() + " " + operation.getKey());
                    }
                    for (JsonNode parameter : operation.getValue().path("parameters")) {
                        if (!parameter.has("description")
                                && !parameter.path("schema").has("description")) {
                            undocumented.add(
                                    path.getKey() + " " + parameter.get("name").asString());
                        }
                    }
                }));
        assertThat(undocumented).isEmpty();
        HttpResponse<String> docs = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/docs"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isIn(200, 302);
        assertThat(HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build()
                        .send(request("/api/docs").build(), HttpResponse.BodyHandlers.ofString())
                        .body())
                .contains("swagger-ui");
    }

    private HttpResponse<String> upload(String token, String part, String fileName, byte[] content) throws Exception {
        return upload(token, part, fileName, content, "");
    }

    /** An upload of several files in one request, each in its own part. */
    private HttpResponse<String> upload(String token, List<byte[]> files) throws Exception {
        String boundary = "----archive" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < files.size(); i++) {
            part(body, boundary, "files", i + ".txt", files.get(i));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return checked(http.send(
                request("/api/ingest")
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private static void part(ByteArrayOutputStream body, String boundary, String part, String fileName, byte[] content)
            throws IOException {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> upload(String token, String part, String fileName, byte[] content, String query)
            throws Exception {
        String boundary = "----archive" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, part, fileName, content);
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder builder = request("/api/ingest" + query)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return checked(http.send(builder.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static byte[] zip(List<String> names, byte[] content) throws IOException {
        return zip(names, content, List.of(), new byte[0]);
    }

    /** A zip of {@code names} holding {@code content} and {@code otherNames} holding {@code otherContent}. */
    private static byte[] zip(List<String> names, byte[] content, List<String> otherNames, byte[] otherContent)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(content);
                zip.closeEntry();
            }
            for (String name : otherNames) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(otherContent);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
