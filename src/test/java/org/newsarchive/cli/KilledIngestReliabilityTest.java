package org.newsarchive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.SyntheticCorpus;
import org.newsarchive.lucene.LuceneIndexReader;
import org.newsarchive.testing.ChildJvm;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real ingest in a child JVM killed with SIGKILL after its first intermediate commit: the index opens, holds
 * every committed article, and running the same ingest again completes the set without duplicates.
 */
class KilledIngestReliabilityTest {

    private static final int FILES = 1600;

    @TempDir
    Path work;

    @Test
    void killedIngestKeepsCommittedArticlesAndARerunCompletesTheSet() throws Exception {
        Path input = SyntheticCorpus.write(work.resolve("input"), FILES);
        Path dataDir = work.resolve("data");

        Process first = ChildJvm.start(List.of(
                "ingest", "--archive.data-dir=" + dataDir, "--archive.ingest.commit-every=1000", input.toString()));
        Path index = dataDir.resolve("index");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        while (!hasCommit(index) && System.nanoTime() < deadline && first.isAlive()) {
            Thread.sleep(50);
        }
        assertThat(first.isAlive())
                .as("the ingest must still be running when it is killed")
                .isTrue();
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        int afterKill = count(index);
        assertThat(afterKill).isGreaterThanOrEqualTo(1000).isLessThan(FILES);

        Process rerun = ChildJvm.start(List.of("ingest", "--archive.data-dir=" + dataDir, input.toString()));
        assertThat(rerun.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(rerun.exitValue()).isZero();
        assertThat(count(index)).isEqualTo(FILES);
    }

    private static boolean hasCommit(Path index) throws Exception {
        if (!Files.isDirectory(index)) {
            return false;
        }
        try (Stream<Path> files = Files.list(index)) {
            return files.anyMatch(file -> file.getFileName().toString().startsWith("segments_"));
        }
    }

    /** Articles in the last commit, read without taking the index's writer. */
    private static int count(Path index) {
        try (LuceneIndexReader reader =
                LuceneIndexReader.lastCommit(index, JsonMapper.builder().build())) {
            return reader.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
