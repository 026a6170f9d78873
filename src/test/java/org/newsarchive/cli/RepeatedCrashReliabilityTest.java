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
import java.util.concurrent.Callable;
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
 * An ingest of 2,000 articles in a child JVM, killed with SIGKILL three times (each after a commit of new articles,
 * at a seeded number of files past it) and then run to the end, ends with exactly the archive an uninterrupted run builds: same ids, same content, no duplicates. After each
 * kill the index opens, everything in it is searchable, and every article's original bytes are in the raw store.
 * Part of the {@code reliability} profile.
 */
class RepeatedCrashReliabilityTest {

    private static final int FILES = 2_000;
    /** Intermediate commits within a batch of this size, so that kills land between them. */
    private static final String COMMIT_EVERY = "--archive.ingest.commit-every=400";
    /** Fewer than the files between two commits, so a kill lands before the run's next one. */
    private static final int MAX_FILES_PAST_COMMIT = 300;
    /** Only a guard against a hang, far above the seconds each step takes. */
    private static final long GUARD_SECONDS = 600;

    private static final long POLL_MILLIS = 50;

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
            int committedBefore = committedArticles(data);
            Process run =
                    ChildJvm.start(List.of("ingest", "--archive.data-dir=" + data, COMMIT_EVERY, input.toString()));
            // Each kill comes after this run's first commit of new articles, so every run leaves recovery work done;
            // the second lands just after that commit, the others a seeded number of files past it, before the next.
            awaitWhileRunning(run, () -> committedArticles(data) > committedBefore, "a commit of new articles");
            long committedAt = journalSize(data);
            int filesPast = kill == 2 ? 0 : 1 + random.nextInt(MAX_FILES_PAST_COMMIT);
            awaitWhileRunning(run, () -> journalLinesSince(data, committedAt) >= filesPast, filesPast + " more files");
            run.destroyForcibly().waitFor(GUARD_SECONDS, TimeUnit.SECONDS);

            Map<String, String> present = contentById(data);
            System.out.printf(
                    "after kill %d, %d files past a commit: %d of %d articles committed and searchable%n",
                    kill, filesPast, present.size(), FILES);
            assertThat(present.size())
                    .as("kill %d came after a commit of new articles", kill)
                    .isGreaterThan(previous);
            present.forEach((id, content) -> assertThat(content).as(id).isEqualTo(expected.get(id)));
            previous = present.size();
        }
        assertThat(previous).as("the last run has articles left to ingest").isLessThan(FILES);

        Process last = ChildJvm.start(List.of("ingest", "--archive.data-dir=" + data, COMMIT_EVERY, input.toString()));
        assertThat(last.waitFor(600, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).isZero();
        assertThat(contentById(data)).isEqualTo(expected);
    }

    /**
     * Waits until {@code reached} holds, checking every few milliseconds, and fails if the child ended first: a kill
     * must interrupt a running ingest.
     */
    private static void awaitWhileRunning(Process run, Callable<Boolean> reached, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
        while (!reached.call()) {
            assertThat(run.isAlive()).as("the ingest ended before " + what).isTrue();
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            // Polling the data directory is how a process outside the child sees its checkpoints.
            run.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
        assertThat(run.isAlive()).as("the ingest ended at " + what).isTrue();
    }

    private static Path journal(Path dataDir) {
        return dataDir.resolve("raw/sources.tsv");
    }

    private static long journalSize(Path dataDir) throws Exception {
        Path journal = journal(dataDir);
        return java.nio.file.Files.exists(journal) ? java.nio.file.Files.size(journal) : 0;
    }

    /** Lines the raw store's journal gained past {@code offset}: one per file the child has stored since. */
    private static long journalLinesSince(Path dataDir, long offset) throws Exception {
        try (java.nio.channels.SeekableByteChannel channel = java.nio.file.Files.newByteChannel(journal(dataDir))) {
            channel.position(offset);
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(1 << 16);
            long lines = 0;
            while (channel.read(buffer) > 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    if (buffer.get() == '\n') {
                        lines++;
                    }
                }
                buffer.clear();
            }
            return lines;
        }
    }

    /**
     * Articles in the index's last commit, 0 before the first, read as another process reads it: a commit may hold
     * no new article (a merge that finished changes the commit too), so progress is counted in articles.
     */
    private static int committedArticles(Path dataDir) throws Exception {
        Path index = dataDir.resolve("index");
        if (!java.nio.file.Files.isDirectory(index)) {
            return 0;
        }
        try (org.apache.lucene.store.Directory directory = org.apache.lucene.store.FSDirectory.open(index)) {
            if (!org.apache.lucene.index.DirectoryReader.indexExists(directory)) {
                return 0;
            }
            try (org.apache.lucene.index.DirectoryReader reader =
                    org.apache.lucene.index.DirectoryReader.open(directory)) {
                return reader.numDocs();
            }
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
