package org.newsarchive.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.NewsArchiveApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The archive with {@code archive.backend=solr}, as an operator runs it against a real SolrCloud: {@code solr-setup},
 * {@code ingest}, {@code search}, {@code stats} and {@code reindex} in child JVMs whose classpath holds neither Solr
 * nor Jetty (as the runtime jar), then the web server answering pages and the API from the collection, and
 * answering 503 (try again) when no Solr node is up.
 */
class SolrBackendEndToEndTest {

    @TempDir
    static Path work;

    private static MiniSolrCloudCluster cluster;
    private static List<String> solrProperties;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new MiniSolrCloudCluster(
                TestSolrCloud.NODES, work.resolve("solr"), JettyConfig.builder().build());
        solrProperties = List.of(
                "--archive.backend=solr",
                "--archive.solr.zk-hosts=" + cluster.getZkServer().getZkAddress(),
                "--archive.data-dir=" + work.resolve("data"),
                "--logging.level.root=WARN");
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster.shutdown();
    }

    private record Run(int exitCode, String out) {}

    /** The archive's command line in a child JVM, on the test classpath without Solr's server side or Jetty. */
    private static Run run(String... args) throws Exception {
        String runtimeClasspath = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("jetty")
                        && !entry.contains("solr-core")
                        && !entry.contains("solr-test-framework"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                runtimeClasspath,
                NewsArchiveApplication.class.getName()));
        command.addAll(List.of(args));
        command.addAll(solrProperties);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), out);
    }

    @Test
    void setupIngestSearchReindexAndServe() throws Exception {
        Run beforeSetup = run("search", "互助");
        assertThat(beforeSetup.exitCode()).isEqualTo(1);
        assertThat(beforeSetup.out())
                .contains("SolrCloud has no collection news-archive", "solr-setup")
                .doesNotContain("\tat org.");
        Run ingestBeforeSetup = run("ingest", "seeds");
        assertThat(ingestBeforeSetup.exitCode()).isEqualTo(1);
        assertThat(ingestBeforeSetup.out())
                .contains("SolrCloud has no collection news-archive", "solr-setup")
                .doesNotContain("\tat org.");

        Run setup = run("solr-setup", "--shards", "2", "--replicas", "2");
        assertThat(setup.exitCode()).as(setup.out()).isZero();
        assertThat(setup.out()).contains("Created collection news-archive with configset news-archive (2 shards x 2");
        Run again = run("solr-setup");
        assertThat(again.out()).as(again.out()).contains("Reloaded collection news-archive");

        Run ingest = run("ingest", "seeds");
        assertThat(ingest.exitCode()).as(ingest.out()).isZero();
        assertThat(ingest.out()).contains("5 files: 5 ingested, 0 unchanged, 0 failed");
        Run unchanged = run("ingest", "seeds");
        assertThat(unchanged.out()).contains("5 files: 0 ingested, 5 unchanged, 0 failed");

        Run search = run("search", "互助");
        assertThat(search.exitCode()).as(search.out()).isZero();
        assertThat(search.out()).contains("水滴互助");
        Run stats = run("stats");
        assertThat(stats.out()).containsPattern("articles\\s+5");
        Run reindex = run("reindex");
        assertThat(reindex.out()).as(reindex.out()).contains("Reindexed 5 files: 5 ingested, 0 unchanged, 0 failed");

        try (ConfigurableApplicationContext server = SpringApplication.run(
                NewsArchiveApplication.class,
                Stream.concat(solrProperties.stream(), Stream.of("--server.port=0"))
                        .toArray(String[]::new))) {
            String base = "http://localhost:" + server.getEnvironment().getProperty("local.server.port");
            HttpClient http = HttpClient.newHttpClient();
            String query = URLEncoder.encode("互助", StandardCharsets.UTF_8);
            HttpResponse<String> api = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/search?q=" + query))
                            .build(),
                    body());
            assertThat(api.statusCode()).isEqualTo(200);
            assertThat(api.body()).contains("\"total\":", "<mark>互助</mark>");
            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/search?q=" + query))
                            .build(),
                    body());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("水滴<mark>互助</mark>");
            HttpResponse<String> stats2 = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/stats")).build(), body());
            assertThat(stats2.body()).contains("\"articles\":5");

            for (var node : List.copyOf(cluster.getJettySolrRunners())) {
                cluster.stopJettySolrRunner(node);
            }
            HttpResponse<String> down = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/search?q=" + query))
                            .build(),
                    body());
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(down.body()).contains("暂时无法检索").doesNotContain("at org.", "Exception");
            HttpResponse<String> apiDown = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/search?q=" + query))
                            .build(),
                    body());
            assertThat(apiDown.statusCode()).isEqualTo(503);
            assertThat(apiDown.body()).contains("urn:news-archive:problem:unavailable");
        }
    }

    private static HttpResponse.BodyHandler<String> body() {
        return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
    }
}
