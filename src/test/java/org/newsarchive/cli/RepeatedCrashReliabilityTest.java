package org.newsarchive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.SyntheticCorpus;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.lucene.LuceneIndexWriter;
import org.newsarchive.lucene.LuceneSearchService;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchService;
import org.newsarchive.search.SortOrder;
import org.newsarchive.store.RawStore;
import org.newsarchive.testing.ChildJvm;
import tools.jackson.databind.json.JsonMapper;

/**
 * An ingest of 5,000 articles in a child JVM, killed with SIGKILL three times at random points and then run to the
 * end, ends with exactly the archive an uninterrupted run builds: same ids, same content, no duplicates. After each
 * kill the index opens, everything in it is searchable, and every article's original bytes are in the raw store.
 * Part of the {@code reliability} profile.
 */
class RepeatedCrashReliabilityTest {

    private static final int FILES = 5_000;
    /** Intermediate commits within a batch of this size, so that kills land between them. */
    private static final String COMMIT_EVERY = "--archive.ingest.commit-every=1000";

    @TempDir
    Path work;

    @Test
    void threeKillsThenARerunEqualAnUninterruptedIngest() throws Exception {
        Path input = SyntheticCorpus.write(work.resolve("input"), FILES);
        Path baselineData = work.resolve("baseline");
        Process baseline = ChildJvm.start(List.of("ingest", "--archive.data-dir=" + baselineData, input.toString()));
        assertThat(baseline.waitFor(600, TimeUnit.SECONDS)).isTrue();
        assertThat(baseline.exitValue()).isZero();
        Map<String, String> expected = contentById(baselineData);
        assertThat(expected).hasSize(FILES);

        Path data = work.resolve("crashed");
        Random random = new Random(20261123);
        int previous = 0;
        for (int kill = 1; kill <= 3; kill++) {
            long generation = commitGeneration(data);
            Process run =
                    ChildJvm.start(List.of("ingest", "--archive.data-dir=" + data, COMMIT_EVERY, input.toString()));
            long started = System.nanoTime();
            if (kill == 2) {
                // One kill lands just after an intermediate commit, whatever the machine's speed.
                while (commitGeneration(data) == generation
                        && run.isAlive()
                        && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(300)) {
                    Thread.sleep(100);
                }
                Thread.sleep(random.nextInt(3_000));
            } else {
                Thread.sleep(6_000 + random.nextInt(18_000));
            }
            long delayMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(run.isAlive())
                    .as("kill %d must interrupt a running ingest", kill)
                    .isTrue();
            run.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

            Map<String, String> present = contentById(data);
            System.out.printf(
                    "after kill %d at %d ms: %d of %d articles committed and searchable%n",
                    kill, delayMillis, present.size(), FILES);
            assertThat(present.size()).isGreaterThanOrEqualTo(previous);
            present.forEach((id, content) -> assertThat(content).as(id).isEqualTo(expected.get(id)));
            previous = present.size();
        }

        Process last = ChildJvm.start(List.of("ingest", "--archive.data-dir=" + data, COMMIT_EVERY, input.toString()));
        assertThat(last.waitFor(600, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).isZero();
        assertThat(contentById(data)).isEqualTo(expected);
    }

    /** The generation of the index's last commit, or -1 before the first. */
    private static long commitGeneration(Path dataDir) throws Exception {
        Path index = dataDir.resolve("index");
        if (!java.nio.file.Files.isDirectory(index)) {
            return -1;
        }
        try (var files = java.nio.file.Files.list(index)) {
            return org.apache.lucene.index.SegmentInfos.getLastCommitGeneration(
                    files.map(file -> file.getFileName().toString()).toArray(String[]::new));
        }
    }

    /**
     * Every article in the archive by id, as a hash of what a reader sees (title and text) and of its original
     * bytes; checks on the way that each one is found by a search for its title and that its bytes are stored.
     */
    private static Map<String, String> contentById(Path dataDir) throws Exception {
        ChineseAnalysis analysis = new ChineseAnalysis();
        RawStore rawStore = new RawStore(dataDir);
        Map<String, String> content = new TreeMap<>();
        try (LuceneIndexWriter index = new LuceneIndexWriter(
                dataDir.resolve("index"), analysis, JsonMapper.builder().build())) {
            SearchService search = new LuceneSearchService(index.reader(), analysis);
            long documents = search.forEachMatch(
                    new SearchRequest("", Map.of(), null, null, SortOrder.NEWEST, 1, 1), article -> {
                        assertThat(rawStore.contains(article.provenance().sha256()))
                                .as("original bytes of " + article.id())
                                .isTrue();
                        String previous = content.put(
                                article.id(),
                                sha256(article.title() + "\n" + article.text() + "\n"
                                        + article.provenance().sha256()));
                        assertThat(previous).as("duplicate " + article.id()).isNull();
                    });
            assertThat(documents).isEqualTo(content.size());
            for (String id : content.keySet().stream().limit(20).toList()) {
                String title = index.reader().find(id).orElseThrow().title();
                assertThat(search.search(SearchRequest.of("\"" + title + "\"")).total())
                        .as(title)
                        .isPositive();
            }
        }
        return content;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
