package org.newsarchive.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.ingest.FileOutcome;
import org.newsarchive.ingest.IngestProgress;
import org.newsarchive.ingest.IngestService;
import org.newsarchive.ingest.git.GitIngest;
import org.newsarchive.ingest.git.MirrorCheckpoints;
import org.newsarchive.testing.ApiContract;
import org.newsarchive.testing.MirrorRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An article's versions over real HTTP: listed, read, compared, found by what they said, exported, sorted and
 * filtered by when a mirror held them. The archive holds a git mirror built by the test (one article edited, one
 * added later) and one plain file; every API answer is checked against the served OpenAPI description.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class VersionsApiTest {

    private static final Instant MARCH = Instant.parse("2021-03-01T08:00:00Z");
    private static final Instant APRIL = Instant.parse("2021-04-01T08:00:00Z");
    private static final Instant MAY = Instant.parse("2021-05-01T08:00:00Z");
    private static final Instant JUNE = Instant.parse("2021-06-01T08:00:00Z");
    private static final String KEPT = "卫健委周一发布通报，称本市新增确诊病例十二例，均已隔离治疗。";
    private static final String REMOVED = "通报说，密切接触者已全部找到，另有三名记者被警方带走。";
    private static final String EDITED = "通报说，密切接触者已全部找到。";

    @TempDir
    static Path dataDir;

    @TempDir
    static Path seedsDir;

    @TempDir
    static Path repositoryDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("archive.data-dir", dataDir::toString);
        registry.add("archive.seeds-dir", seedsDir::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    IngestService ingestService;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private static ApiContract contract;
    private static String edited;
    private static String later;
    private static String plain;

    static String post(String number, String title, String... paragraphs) {
        return "---\ntitle: '" + title + "'\nsource_url: https://news.example.org/" + number
                + ".html\ndate: 2021-02-20\n---\n\n" + String.join("\n\n", paragraphs) + "\n";
    }

    /** Once for the class, whose one server every test shares. */
    @BeforeEach
    void archiveAMirrorAndAPlainFile() throws Exception {
        if (contract != null) {
            return;
        }
        try (MirrorRepository mirror = MirrorRepository.create(repositoryDir)) {
            mirror.write("a.md", post("1", "新增确诊十二例", KEPT, REMOVED));
            mirror.commit("add", MARCH);
            mirror.write("a.md", post("1", "本市新增确诊病例", KEPT, EDITED));
            mirror.commit("edit", APRIL);
            mirror.write("b.md", post("2", "另一篇报道", KEPT));
            mirror.commit("another", MAY);
            mirror.remove("b.md");
            mirror.commit("take down", JUNE);
        }
        GitIngest.Result result = new GitIngest(ingestService, new MirrorCheckpoints(dataDir), Clock.systemUTC())
                .ingest(repositoryDir, "HEAD", null, IngestProgress.NONE);
        assertThat(result.report().allSucceeded()).isTrue();
        edited = idOf(result, "a.md");
        later = idOf(result, "b.md");
        plain = ingestService
                .ingestBytes(post("3", "没有镜像日期的文件", KEPT).getBytes(StandardCharsets.UTF_8), "plain.md")
                .id();
        contract = ApiContract.servedOn(port);
    }

    private static String idOf(GitIngest.Result result, String path) {
        return result.report().files().stream()
                .filter(file -> file.path().equals(path))
                .map(FileOutcome::id)
                .findFirst()
                .orElseThrow();
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (path.startsWith("/api/")) {
            contract.check(response);
        }
        return response;
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void theRecordIsTheCurrentVersionWithItsThreeDates() throws Exception {
        JsonNode record = getJson("/api/articles/" + edited);

        assertThat(record.get("title").asString()).isEqualTo("本市新增确诊病例");
        assertThat(record.get("version").asInt()).isEqualTo(2);
        assertThat(record.get("versionCount").asInt()).isEqualTo(2);
        assertThat(record.get("publishedAt").asString()).isEqualTo("2021-02-20");
        assertThat(record.get("mirroredAt").asString()).isEqualTo("2021-04-01T08:00:00Z");
        assertThat(record.get("ingestedAt").asString()).isNotBlank();
        assertThat(record.get("versionsUrl").asString()).endsWith("/api/articles/" + edited + "/versions");
        assertThat(record.get("source").get("commit").asString()).hasSize(40);
        JsonNode plainRecord = getJson("/api/articles/" + plain);
        assertThat(plainRecord.get("mirroredAt").isNull()).isTrue();
        assertThat(plainRecord.get("versionCount").asInt()).isEqualTo(1);
    }

    @Test
    void theVersionsAreListedOldestFirstWithWhatEachChanged() throws Exception {
        JsonNode list = getJson("/api/articles/" + edited + "/versions");

        assertThat(list.get("current").asInt()).isEqualTo(2);
        JsonNode versions = list.get("versions");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("mirroredAt").asString()).isEqualTo("2021-03-01T08:00:00Z");
        assertThat(versions.get(0).get("change").asString()).isEqualTo("first version");
        assertThat(versions.get(1).get("change").asString()).isEqualTo("1 paragraph changed; title changed");
        assertThat(versions.get(1).get("path").asString()).isEqualTo("a.md");
        assertThat(versions.get(1).get("sha256").asString()).hasSize(64);

        JsonNode first = getJson("/api/articles/" + edited + "/versions/1");
        assertThat(first.get("text").asString()).contains(REMOVED);
        assertThat(first.get("version").asInt()).isEqualTo(1);
        HttpResponse<String> original = get("/api/articles/" + edited + "/versions/1/original");
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.body()).isEqualTo(post("1", "新增确诊十二例", KEPT, REMOVED));
    }

    @Test
    void twoVersionsAreComparedParagraphByParagraph() throws Exception {
        JsonNode diff = getJson("/api/articles/" + edited + "/diff?from=1&to=2");

        assertThat(diff.get("fields").get(0).get("field").asString()).isEqualTo("title");
        List<String> kinds = new ArrayList<>();
        diff.get("paragraphs")
                .forEach(paragraph -> kinds.add(paragraph.get("kind").asString()));
        assertThat(kinds).containsExactly("same", "changed");
        JsonNode changed = diff.get("paragraphs").get(1).get("segments");
        assertThat(changed.get(changed.size() - 1).get("kind").asString()).isEqualTo("kept");
        assertThat(diff.toString()).contains("\"removed\"", "另有三名记者被警方带走");

        HttpResponse<String> page = get("/articles/" + edited + "/diff?from=1&to=2");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<del>", "另有三名记者被警方带走", "<ins>");
        assertThat(page.body())
                .as("the title's cells mark only what changed")
                .contains("<td>新增确诊<del>十二</del>例</td>", "<td><ins>本市</ins>新增确诊<ins>病</ins>例</td>");
        assertThat(page.body())
                .as("the first change has none before or after it")
                .doesNotContain("diff-steps");
        assertThat(get("/articles/" + edited + "/diff?from=2&to=2").body())
                .contains("rel=\"prev\"", "/articles/" + edited + "/diff?from=1&amp;to=2")
                .doesNotContain("rel=\"next\"");
    }

    @Test
    void aSearchFindsWhatOnlyAnEarlierVersionSaid() throws Exception {
        JsonNode results = getJson("/api/search?q=" + encode("三名记者被警方带走"));

        assertThat(results.get("total").asInt()).isEqualTo(1);
        JsonNode hit = results.get("hits").get(0);
        assertThat(hit.get("id").asString()).isEqualTo(edited);
        assertThat(hit.get("matchedVersion").asInt()).isEqualTo(1);
        HttpResponse<String> page = get("/search?q=" + encode("三名记者被警方带走"));
        assertThat(page.body()).contains("/articles/" + edited + "?version=1");
    }

    @Test
    void theMirrorDateSortsAndFilters() throws Exception {
        List<String> order = new ArrayList<>();
        getJson("/api/search?sort=mirrored")
                .get("hits")
                .forEach(hit -> order.add(hit.get("id").asString()));
        assertThat(order).containsExactly(later, edited, plain);

        assertThat(ids("/api/search?mirroredFrom=2021-04-15")).containsExactly(later);
        assertThat(ids("/api/search?mirroredTo=2021-04-15")).containsExactly(edited);
        assertThat(ids("/api/search?mirroredFrom=2021-03-01&mirroredTo=2021-03-31"))
                .isEmpty();
        assertThat(get("/api/search?mirroredFrom=2021-05-01&mirroredTo=2021-04-01")
                        .statusCode())
                .isEqualTo(400);
    }

    private List<String> ids(String path) throws Exception {
        List<String> ids = new ArrayList<>();
        getJson(path).get("hits").forEach(hit -> ids.add(hit.get("id").asString()));
        return ids;
    }

    @Test
    void anExportCanCarryEveryVersion() throws Exception {
        HttpResponse<String> all = get("/api/export?versions=all&sort=mirrored");
        HttpResponse<String> current = get("/api/export?sort=mirrored");
        HttpResponse<String> csv = get("/api/export?versions=all&format=csv&sort=mirrored");

        List<JsonNode> lines = new ArrayList<>();
        for (String line : all.body().split("\n")) {
            lines.add(json.readTree(line));
        }
        assertThat(lines)
                .extracting(line ->
                        line.get("id").asString() + "/" + line.get("version").asInt())
                .containsExactly(later + "/1", edited + "/1", edited + "/2", plain + "/1");
        assertThat(current.body().split("\n")).hasSize(3);
        assertThat(csv.body().lines().findFirst().orElseThrow()).contains("mirroredAt,ingestedAt,version,versionCount");
        assertThat(csv.body().lines().count()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aVersionThatIsNotThereIsAProblemNamingIt() throws Exception {
        for (String path : List.of(
                "/api/articles/" + edited + "/versions/3",
                "/api/articles/" + edited + "/versions/x",
                "/api/articles/" + edited + "/diff?from=0",
                "/api/articles/" + edited + "/versions/" + "0".repeat(64),
                "/api/export?versions=some")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.body()).doesNotContain("Exception");
        }
        assertThat(get("/api/articles/0123456789abcdef/versions").statusCode()).isEqualTo(404);
        assertThat(get("/articles/" + edited + "?version=9").statusCode()).isEqualTo(400);
        assertThat(get("/api/articles/" + edited + "/versions/" + "0".repeat(64))
                        .body())
                .contains("no version of this article has the SHA-256 " + "0".repeat(64));
    }

    @Test
    void aVersionIsNamedForGoodByTheHashOfItsFile() throws Exception {
        String first = getJson("/api/articles/" + edited + "/versions")
                .get("versions")
                .get(0)
                .get("sha256")
                .asString();

        assertThat(getJson("/api/articles/" + edited + "/versions/" + first)
                        .get("version")
                        .asInt())
                .isEqualTo(1);
        assertThat(getJson("/api/articles/" + edited + "/diff?from=" + first.toUpperCase(java.util.Locale.ROOT))
                        .get("from")
                        .asInt())
                .isEqualTo(1);
        HttpResponse<String> page = get("/articles/" + edited + "?version=" + first);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("earlier-version", REMOVED)
                .as("the permalink and the citation of an earlier version name it by its hash")
                .contains("/articles/" + edited + "?version=" + first + "\"");
        assertThat(get("/articles/" + edited + "?version=1").body()).contains("?version=" + first);
    }

    @Test
    void theArticlePageListsTheVersionsAndReadsAnEarlierOne() throws Exception {
        HttpResponse<String> current = get("/articles/" + edited);
        HttpResponse<String> earlier = get("/articles/" + edited + "?version=1");

        assertThat(current.body())
                .contains("id=\"versions\"", "/articles/" + edited + "/diff?from=1&amp;to=2", "2021-03-01");
        assertThat(current.body()).contains("<a href=\"#versions\">第 2 版，共 2 版</a>");
        assertThat(earlier.body()).contains("earlier-version", "新增确诊十二例", REMOVED);
        assertThat(earlier.body()).doesNotContain("/diff?from=0");
        assertThat(get("/articles/" + later).body())
                .contains("镜像中", "已于 2021-06-01 删除")
                .doesNotContain("#versions\">");
        assertThat(earlier.body()).contains("/api/articles/" + edited + "/versions/1/original");
    }
}
