package org.newsarchive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.SyntheticCorpus;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.lucene.LuceneIndexWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real ingest in a child JVM killed with SIGKILL after its first intermediate commit: the index opens, holds
 * every committed article, and running the same ingest again completes the set without duplicates.
 */
class KilledIngestTest {

    private static final int FILES = 2600;

    @TempDir
    Path work;

    @Test
    void killedIngestKeepsCommittedArticlesAndARerunCompletesTheSet() throws Exception {
        Path input = SyntheticCorpus.write(work.resolve("input"), FILES);
        Path dataDir = work.resolve("data");

        Process first = ChildIngest.start(dataDir, input);
        Path index = dataDir.resolve("index");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!hasCommit(index) && System.nanoTime() < deadline && first.isAlive()) {
            Thread.sleep(50);
        }
        assertThat(first.isAlive())
                .as("the ingest must still be running when it is killed")
                .isTrue();
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        int afterKill = count(index);
        assertThat(afterKill).isGreaterThanOrEqualTo(2000).isLessThan(FILES);

        Process rerun = ChildIngest.start(dataDir, input);
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

    private static int count(Path index) {
        try (LuceneIndexWriter opened = new LuceneIndexWriter(
                index, new ChineseAnalysis(), JsonMapper.builder().build())) {
            return opened.reader().count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
