package org.newsarchive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.index.ArticleIndex;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The search, export, stats and serve commands in a child JVM, as shell users run them, over the ingested seeds. */
class CommandsTest {

    @TempDir
    static Path work;

    static Path dataDir;

    private final JsonMapper json = JsonMapper.builder().build();

    private record Run(int exitCode, String out, String err) {}

    private static Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.newsarchive.NewsArchiveApplication"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String out = read(process.getInputStream());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out, err.get());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String data() {
        return "--archive.data-dir=" + dataDir;
    }

    @BeforeAll
    static void ingestSeeds() throws Exception {
        dataDir = work.resolve("data");
        Run ingest = run("ingest", data(), "seeds");
        assertThat(ingest.exitCode()).as(ingest.out() + ingest.err()).isZero();
        assertThat(ingest.err()).as("progress in plain lines when piped").contains("Ingesting", "5/5 files");
    }

    @Test
    void searchPrintsATableOfHits() throws Exception {
        Run run = run("search", data(), "網絡互助", "--size", "3");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("matching articles", "中国最大网络互助平台");
        assertThat(run.out().lines().filter(line -> line.matches("\\s+\\d+ .*")))
                .hasSize(3);
    }

    @Test
    void searchPrintsTheApiJsonAndFilters() throws Exception {
        Run run = run("search", data(), "--json", "--publisher", "大纪元", "互助");

        JsonNode page = json.readTree(run.out());
        assertThat(page.get("hits").findValuesAsString("publisher"))
                .isNotEmpty()
                .containsOnly("大纪元");
        assertThat(page.get("fallback").asString()).isEqualTo("none");
    }

    @Test
    void searchRefusesBadOptionsWithExitTwo() throws Exception {
        Run badDate = run("search", data(), "--from", "2021-02-30", "互助");
        Run badSize = run("search", data(), "--size", "1000", "互助");

        assertThat(badDate.exitCode()).isEqualTo(2);
        assertThat(badDate.err()).contains("from: must be a date");
        assertThat(badSize.exitCode()).isEqualTo(2);
    }

    @Test
    void exportWritesEveryArticleToStandardOutput() throws Exception {
        Run jsonl = run("export", data());
        Run csv = run("export", data(), "--format=csv", "互助");

        assertThat(jsonl.exitCode()).as(jsonl.err()).isZero();
        assertThat(jsonl.out()
                        .lines()
                        .map(line -> json.readTree(line).get("id").asString())
                        .distinct())
                .hasSize(5);
        assertThat(jsonl.err()).contains("Exported 5 articles.");
        assertThat(CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(new StringReader(csv.out()))
                        .getRecords())
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.get("text")).contains("互助"));
        assertThat(run("export", data(), "--format=xml").exitCode()).isEqualTo(2);
    }

    @Test
    void statsSaysWhatTheArchiveHolds() throws Exception {
        Run text = run("stats", data());
        Run jsonRun = run("stats", data(), "--json");

        assertThat(text.out()).containsPattern("articles\\s+5");
        JsonNode stats = json.readTree(jsonRun.out());
        assertThat(stats.get("publishers").asInt()).isEqualTo(4);
        assertThat(stats.get("indexSizeBytes").asLong()).isPositive();
    }

    @Test
    void everyCommandHasHelp() throws Exception {
        Run top = run("--help");
        assertThat(top.out()).contains("serve", "ingest", "reindex", "search", "export", "stats");
        for (String command : List.of("serve", "ingest", "reindex", "search", "export", "stats")) {
            Run help = run(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: news-archive " + command);
        }
    }

    @Test
    void aSecondWriterIsRefusedWithAClearMessage() throws Exception {
        try (ArticleIndex held = new ArticleIndex(
                dataDir.resolve("index"),
                new ChineseAnalysis(),
                JsonMapper.builder().build())) {
            Run run = run("ingest", data(), "seeds");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out() + run.err())
                    .contains("is locked by another process", "ingest through the running server");
            assertThat(held.count()).isEqualTo(5);
        }
    }

    @Test
    void anUnusableDataDirectoryIsNamedWithoutAStackTrace() throws Exception {
        Path notAFolder = java.nio.file.Files.writeString(work.resolve("a-file"), "x");

        Run run = run("stats", "--archive.data-dir=" + notAFolder.resolve("data"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out() + run.err())
                .contains("the data directory " + notAFolder.resolve("data") + " does not exist and cannot be created")
                .contains("Point --archive.data-dir at a folder")
                .doesNotContain("\tat org.");
    }
}
