package org.newsarchive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.NewsArchiveApplication;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.lucene.LuceneIndexWriter;
import org.newsarchive.testing.ChildJvm;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search, export, stats and serve commands as shell users run them, over the ingested seeds: in this JVM through
 * the application's entry point, and in a child JVM where being a separate process is the point.
 */
class CommandsTest {

    @TempDir
    static Path work;

    static Path dataDir;

    private final JsonMapper json = JsonMapper.builder().build();

    private static String data() {
        return "--archive.data-dir=" + dataDir;
    }

    @BeforeAll
    static void ingestSeeds() throws Exception {
        dataDir = work.resolve("data");
        Commands.Run ingest = Commands.run("ingest", data(), "seeds");
        assertThat(ingest.exitCode()).as(ingest.out() + ingest.err()).isZero();
        assertThat(ingest.err()).as("progress in plain lines when piped").contains("Ingesting", "5/5 files");
    }

    @Test
    void searchPrintsATableOfHits() throws Exception {
        Commands.Run run = Commands.run("search", data(), "網絡互助", "--size", "3");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("matching articles", "中国最大网络互助平台");
        assertThat(run.out().lines().filter(line -> line.matches("\\s+\\d+ .*")))
                .hasSize(3);
    }

    @Test
    void searchPrintsTheApiJsonAndFilters() throws Exception {
        Commands.Run run = Commands.run("search", data(), "--json", "--publisher", "大纪元", "互助");

        JsonNode page = json.readTree(run.out());
        assertThat(page.get("hits").findValuesAsString("publisher"))
                .isNotEmpty()
                .containsOnly("大纪元");
        assertThat(page.get("fallback").asString()).isEqualTo("none");
    }

    @Test
    void searchRefusesBadOptionsWithExitTwo() throws Exception {
        Commands.Run badDate = Commands.run("search", data(), "--from", "2021-02-30", "互助");
        Commands.Run badSize = Commands.run("search", data(), "--size", "1000", "互助");

        assertThat(badDate.exitCode()).isEqualTo(2);
        assertThat(badDate.err()).contains("from: must be a date");
        assertThat(badSize.exitCode()).isEqualTo(2);
    }

    @Test
    void exportWritesEveryArticleToStandardOutput() throws Exception {
        Commands.Run jsonl = Commands.run("export", data());
        Commands.Run csv = Commands.run("export", data(), "--format=csv", "互助");

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
        assertThat(Commands.run("export", data(), "--format=xml").exitCode()).isEqualTo(2);
    }

    @Test
    void statsSaysWhatTheArchiveHolds() throws Exception {
        Commands.Run text = Commands.run("stats", data());
        Commands.Run jsonRun = Commands.run("stats", data(), "--json");

        assertThat(text.out()).containsPattern("articles\\s+5");
        JsonNode stats = json.readTree(jsonRun.out());
        assertThat(stats.get("publishers").asInt()).isEqualTo(4);
        assertThat(stats.get("indexSizeBytes").asLong()).isPositive();
    }

    @Test
    void everyCommandHasHelp() throws Exception {
        Commands.Run top = Commands.run("--help");
        assertThat(top.out()).contains("serve", "ingest", "reindex", "search", "export", "stats");
        for (String command : List.of("serve", "ingest", "reindex", "search", "export", "stats", "solr-setup")) {
            Commands.Run help = Commands.run(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: news-archive " + command);
        }
    }

    /**
     * A server holds the index's writer; the reading commands and every help work beside it, on its last commit,
     * while a second writer is refused.
     */
    @Test
    void readingCommandsWorkBesideARunningServer() {
        try (ConfigurableApplicationContext server =
                new SpringApplicationBuilder(NewsArchiveApplication.class).run(data(), "--server.port=0")) {
            Commands.Run search = Commands.run("search", data(), "互助", "--size", "2");
            Commands.Run stats = Commands.run("stats", data(), "--json");
            Commands.Run export = Commands.run("export", data());
            Commands.Run ingest = Commands.run("ingest", data(), "seeds");

            assertThat(search.exitCode()).as(search.all()).isZero();
            assertThat(search.out()).contains("matching articles");
            assertThat(json.readTree(stats.out()).get("articles").asInt()).isEqualTo(5);
            assertThat(export.out().lines()).hasSize(5);
            for (String command : List.of("ingest", "reindex", "search", "export", "stats")) {
                Commands.Run help = Commands.run(command, data(), "--help");
                assertThat(help.exitCode()).as(command + ": " + help.all()).isZero();
                assertThat(help.out()).contains("Usage: news-archive " + command);
            }
            assertThat(ingest.exitCode()).isEqualTo(1);
            assertThat(ingest.err()).contains("is locked by another process");
        }
    }

    @Test
    void aSecondWriterIsRefusedWithAClearMessage() throws Exception {
        try (LuceneIndexWriter held = new LuceneIndexWriter(
                dataDir.resolve("index"),
                new ChineseAnalysis(),
                JsonMapper.builder().build())) {
            ChildJvm.Run run = ChildJvm.run(Duration.ofMinutes(2), "ingest", data(), "seeds");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out() + run.err())
                    .contains("is locked by another process", "ingest through the running server");
            assertThat(held.reader().count()).isEqualTo(5);
        }
    }

    @Test
    void anUnusableDataDirectoryIsNamedWithoutAStackTrace() throws Exception {
        Path notAFolder = Files.writeString(work.resolve("a-file"), "x");

        ChildJvm.Run run =
                ChildJvm.run(Duration.ofMinutes(2), "stats", "--archive.data-dir=" + notAFolder.resolve("data"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out() + run.err())
                .contains("the data directory " + notAFolder.resolve("data") + " does not exist and cannot be created")
                .contains("Point --archive.data-dir at a folder")
                .doesNotContain("\tat org.");
    }
}
