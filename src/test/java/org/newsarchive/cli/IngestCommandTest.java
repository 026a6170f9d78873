package org.newsarchive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real command line through the application's entry point and checks exit codes, summary and report. */
class IngestCommandTest {

    @TempDir
    Path work;

    /** Runs a command in this JVM; its output and error together, as a terminal shows them. */
    private static Commands.Run run(String... args) {
        return Commands.run(args);
    }

    @Test
    void ingestsSeedsWritesReportAndReportsUnchangedOnRerun() throws Exception {
        Path dataDir = work.resolve("data");
        Path report = work.resolve("report.json");

        Commands.Run first = run("ingest", "--archive.data-dir=" + dataDir, "--report=" + report, "seeds");
        Commands.Run second = run("ingest", "--archive.data-dir=" + dataDir, "seeds");

        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(first.all()).contains("5 files: 5 ingested, 0 unchanged, 0 failed");
        assertThat(second.all()).contains("5 files: 0 ingested, 5 unchanged, 0 failed");
        String json = Files.readString(report);
        assertThat(json)
                .contains("\"path\" : \"002_3078d70d0ab3e5f7.txt\"", "\"status\" : \"ingested\"", "\"id\" : \"");
        Commands.Run reindex = run("reindex", "--archive.data-dir=" + dataDir);
        assertThat(reindex.exitCode()).as(reindex.all()).isZero();
        assertThat(reindex.all()).contains("Reindexed 5 files: 5 ingested, 0 unchanged, 0 failed");
    }

    @Test
    void someFailedFilesExitWithOne() throws Exception {
        Files.write(work.resolve("empty.md"), new byte[0]);
        Files.copy(Path.of("seeds/000_1a9ccc52b8d05a66.txt"), work.resolve("good.md"));

        Commands.Run run = run("ingest", "--archive.data-dir=" + work.resolve("data"), work.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.all()).contains("failed: empty.md: empty file", "1 ingested", "1 failed");
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
        assertThat(run("ingest", "--archive.data-dir=" + work, "--help").all()).contains("Usage: news-archive ingest");
    }
}
