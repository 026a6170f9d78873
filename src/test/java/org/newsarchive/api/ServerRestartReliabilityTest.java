package org.newsarchive.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.SyntheticCorpus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server in a child JVM takes uploads and searches, is killed with SIGKILL in the middle of that load, and on
 * restart serves every article whose upload it had acknowledged. Part of the {@code reliability} profile.
 */
class ServerRestartReliabilityTest {

    private static final String TOKEN = "restart-test-token";
    /** Only a guard against a hang, far above the seconds each step takes. */
    private static final long GUARD_SECONDS = 300;

    private static final long POLL_MILLIS = 100;
    /** Spring Boot's line once the web server listens: {@code Tomcat started on port 40123 (http) …}. */
    private static final Pattern STARTED = Pattern.compile("started on port\\D{0,3}(\\d+)");

    @TempDir
    Path work;

    /** A new client per server process, so no pooled connection to a killed server is ever reused. */
    private HttpClient http = newClient();

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void restartServesEverythingAcknowledgedBeforeAKill() throws Exception {
        Path files = SyntheticCorpus.write(work.resolve("files"), 0, 400);
        Path data = work.resolve("data");
        Server server = start(data);
        int port = server.port();
        List<String> acknowledged = new ArrayList<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();
        ExecutorService searchers = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            searchers.submit(() -> {
                while (loading.get()) {
                    try {
                        get(port, "/api/search?q=%E4%B8%AD%E5%85%B1");
                        searches.incrementAndGet();
                    } catch (Exception killed) {
                        return;
                    }
                }
            });
        }
        List<Path> all;
        try (Stream<Path> listing = Files.list(files)) {
            all = listing.sorted().toList();
        }
        for (int batch = 0; batch < 8; batch++) {
            HttpResponse<String> response = upload(port, all.subList(batch * 25, batch * 25 + 25));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            for (JsonNode file : json.readTree(response.body()).get("files")) {
                acknowledged.add(file.get("id").asString());
            }
        }
        long journalBefore = journalLines(data);
        CompletableFuture<HttpResponse<String>> lastUpload = CompletableFuture.supplyAsync(() -> {
            try {
                return upload(port, all.subList(200, 400));
            } catch (Exception killedMidUpload) {
                throw new CompletionException(killedMidUpload);
            }
        });
        // The kill lands once the server has stored files of the last upload, long before it can answer it.
        awaitUntil(() -> journalLines(data) >= journalBefore + 10, "the last upload's first files stored");
        server.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        loading.set(false);
        assertThat(lastUpload)
                .as("the kill interrupted the last upload")
                .failsWithin(Duration.ofSeconds(GUARD_SECONDS));
        searchers.shutdown();
        System.out.printf(
                "killed under load after %d searches; %d articles acknowledged%n", searches.get(), acknowledged.size());

        http = newClient();
        Server restarted = start(data);
        try {
            for (String id : acknowledged) {
                assertThat(get(restarted.port(), "/api/articles/" + id).statusCode())
                        .as(id)
                        .isEqualTo(200);
            }
            long total = json.readTree(
                            get(restarted.port(), "/api/articles?size=1").body())
                    .get("total")
                    .asLong();
            assertThat(total).isGreaterThanOrEqualTo(acknowledged.size());
        } finally {
            restarted.stop();
        }
    }

    @Test
    void anUploadAcceptedAsAJobIsIngestedAfterAKill() throws Exception {
        Path files = SyntheticCorpus.write(work.resolve("files"), 0, 300);
        List<Path> all;
        try (Stream<Path> listing = Files.list(files)) {
            all = listing.sorted().toList();
        }
        Path data = work.resolve("data");
        Server server = start(data);
        HttpResponse<String> accepted = upload(server.port(), all, "?async=true");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        server.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        System.out.println("killed with the job "
                + json.readTree(accepted.body()).get("status").asString());

        http = newClient();
        Server restarted = start(data);
        try {
            awaitNoJobPending(restarted.port());
            long total = json.readTree(
                            get(restarted.port(), "/api/articles?size=1").body())
                    .get("total")
                    .asLong();
            assertThat(total).isEqualTo(all.size());
            try (Stream<Path> left = Files.list(data.resolve("uploads"))) {
                assertThat(left).isEmpty();
            }
        } finally {
            restarted.stop();
        }
    }

    /**
     * Polls the job list, as a script would, until no job is queued or running; a job recovered at the start is among
     * them.
     */
    private void awaitNoJobPending(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
        while (true) {
            JsonNode jobs = json.readTree(http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ingest/jobs"))
                                    .header("Authorization", "Bearer " + TOKEN)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            List<String> states = jobs.findValuesAsString("status");
            assertThat(states).doesNotContain("failed");
            if (!states.contains("queued") && !states.contains("running")) {
                return;
            }
            assertThat(System.nanoTime()).as("jobs still " + states).isLessThan(deadline);
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Checks {@code reached} every few milliseconds until it holds; fails at the guard. */
    private static void awaitUntil(Callable<Boolean> reached, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
        while (!reached.call()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Lines in the raw store's journal: one per file the server has stored. */
    private static long journalLines(Path data) throws Exception {
        Path journal = data.resolve("raw/sources.tsv");
        if (!Files.exists(journal)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(journal)) {
            return lines.count();
        }
    }

    /** A server in a child JVM and the port it listens on. */
    private record Server(Process process, int port) {

        void stop() throws InterruptedException {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Starts the server on a port the system picks, read from its log as it starts, so no other process can take
     * the port between choosing it and binding it; returns once the server answers.
     */
    private Server start(Path data) throws Exception {
        Path log = Files.createTempFile(work, "server-", ".log");
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.newsarchive.NewsArchiveApplication",
                        "--archive.data-dir=" + data,
                        "--archive.seeds-dir=",
                        "--archive.admin-token=" + TOKEN,
                        "--server.port=0")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
        while (System.nanoTime() < deadline && process.isAlive()) {
            Matcher started = STARTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (started.find()) {
                int port = Integer.parseInt(started.group(1));
                assertThat(get(port, "/api/stats").statusCode()).isEqualTo(200);
                return new Server(process, port);
            }
            process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
        process.destroyForcibly();
        throw new AssertionError("the server did not start:\n" + Files.readString(log));
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> upload(int port, List<Path> files) throws Exception {
        return upload(port, files, "");
    }

    private HttpResponse<String> upload(int port, List<Path> files, String query) throws Exception {
        String boundary = "----restart" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Path file : files) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                            + file.getFileName() + "\"\r\nContent-Type: text/markdown\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(Files.readAllBytes(file));
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ingest" + query))
                        .timeout(Duration.ofSeconds(120))
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }
}
