package org.newsarchive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real command line in a child JVM, as users do, and checks exit codes, summary and report. */
class IngestCommandTest {

    @TempDir
    Path work;

    private record Run(int exitCode, String out) {}

    private Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.newsarchive.NewsArchiveApplication"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out);
    }

    @Test
    void ingestsSeedsWritesReportAndReportsUnchangedOnRerun() throws Exception {
        Path dataDir = work.resolve("data");
        Path report = work.resolve("report.json");

        Run first = run("ingest", "--archive.data-dir=" + dataDir, "--report=" + report, "seeds");
        Run second = run("ingest", "--archive.data-dir=" + dataDir, "seeds");

        assertThat(first.exitCode()).as(first.out()).isZero();
        assertThat(first.out()).contains("5 files: 5 ingested, 0 unchanged, 0 failed");
        assertThat(second.out()).contains("5 files: 0 ingested, 5 unchanged, 0 failed");
        String json = Files.readString(report);
        assertThat(json)
                .contains("\"path\" : \"002_3078d70d0ab3e5f7.txt\"", "\"status\" : \"ingested\"", "\"id\" : \"");
        Run reindex = run("reindex", "--archive.data-dir=" + dataDir);
        assertThat(reindex.exitCode()).as(reindex.out()).isZero();
        assertThat(reindex.out()).contains("Reindexed 5 files: 5 ingested, 0 unchanged, 0 failed");
    }

    @Test
    void someFailedFilesExitWithOne() throws Exception {
        Files.write(work.resolve("empty.md"), new byte[0]);
        Files.copy(Path.of("seeds/000_1a9ccc52b8d05a66.txt"), work.resolve("good.md"));

        Run run = run("ingest", "--archive.data-dir=" + work.resolve("data"), work.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("failed: empty.md: empty file", "1 ingested", "1 failed");
    }

    @Test
    void usageErrorsExitWithTwo() throws Exception {
        assertThat(run(
                                "ingest",
                                "--archive.data-dir=" + work,
                                work.resolve("missing").toString())
                        .exitCode())
                .isEqualTo(2);
        assertThat(run("ingest", "--archive.data-dir=" + work).exitCode()).isEqualTo(2);
        assertThat(run("ingest", "--archive.data-dir=" + work, "--help").out()).contains("Usage: news-archive ingest");
    }
}
