package org.newsarchive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.lucene.LuceneIndexReader;
import org.newsarchive.testing.ChildJvm;
import org.newsarchive.testing.MirrorRepository;
import org.newsarchive.version.ArticleHistory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A git ingest in a child JVM killed with SIGKILL after its first checkpoint: running it again completes the
 * history, and the archive then holds exactly what an ingest that was never killed holds: every version of every
 * article, each once, in order.
 */
class KilledGitIngestReliabilityTest {

    private static final int ARTICLES = 600;
    private static final int COMMITS = 12;
    private static final Instant START = Instant.parse("2021-01-01T00:00:00Z");

    @TempDir
    Path work;

    /** {@value #ARTICLES} articles added over the first half of the commits, a tenth of them edited in each later one. */
    private Path mirror() throws Exception {
        Path repository = work.resolve("mirror");
        try (MirrorRepository mirror = MirrorRepository.create(repository)) {
            int perCommit = ARTICLES / (COMMITS / 2);
            for (int commit = 0; commit < COMMITS; commit++) {
                if (commit < COMMITS / 2) {
                    for (int i = commit * perCommit; i < (commit + 1) * perCommit; i++) {
                        mirror.write(path(i), post(i, 0));
                    }
                } else {
                    for (int i = commit % 10; i < ARTICLES; i += 10) {
                        mirror.write(path(i), post(i, commit));
                    }
                }
                mirror.commit("commit " + commit, START.plusSeconds(86_400L * commit));
            }
        }
        return repository;
    }

    private static String path(int article) {
        return "_posts/" + (article % 7) + "/" + article + ".md";
    }

    private static String post(int article, int edit) {
        return "---\ntitle: 第" + article + "篇报道\nsource_url: https://news.example.org/" + article
                + ".html\n---\n\n本报记者报道，第" + article + "号事件仍在调查之中，官方尚未公布细节。\n\n"
                + (edit == 0 ? "目击者说，现场有大批警察。" : "这段文字在第" + edit + "次提交中被改写。") + "\n";
    }

    @Test
    void aKilledGitIngestIsCompletedByARerunWithNoVersionMissingOrDoubled() throws Exception {
        Path repository = mirror();
        Path killed = work.resolve("killed");
        Path clean = work.resolve("clean");

        Process first = ChildJvm.start(List.of(
                "ingest",
                "--archive.data-dir=" + killed,
                "--archive.ingest.commit-every=400",
                "--git",
                repository.toString()));
        Path checkpoints = killed.resolve("mirrors.tsv");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        while (!Files.exists(checkpoints) && System.nanoTime() < deadline && first.isAlive()) {
            Thread.sleep(20);
        }
        assertThat(first.isAlive())
                .as("the ingest must still be running when it is killed")
                .isTrue();
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        int committedBeforeRerun = count(killed.resolve("index"));
        assertThat(committedBeforeRerun).isPositive().isLessThanOrEqualTo(ARTICLES);

        run("ingest", "--archive.data-dir=" + killed, "--git", repository.toString());
        run("ingest", "--archive.data-dir=" + clean, "--git", repository.toString());

        Map<String, List<String>> afterKill = versions(killed.resolve("index"));
        Map<String, List<String>> neverKilled = versions(clean.resolve("index"));
        assertThat(afterKill).hasSize(ARTICLES);
        assertThat(afterKill).isEqualTo(neverKilled);
        int expectedVersions = ARTICLES + ARTICLES / 10 * (COMMITS / 2);
        assertThat(afterKill.values().stream().mapToInt(List::size).sum()).isEqualTo(expectedVersions);
    }

    private static void run(String... arguments) throws Exception {
        Process process = ChildJvm.start(List.of(arguments));
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }

    /** Each article's versions as commit and hash, oldest first, read from the last commit of the index. */
    private static Map<String, List<String>> versions(Path index) throws IOException {
        Map<String, List<String>> versions = new TreeMap<>();
        List<String> ids = new ArrayList<>();
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            for (var hit : searcher.search(new MatchAllDocsQuery(), Integer.MAX_VALUE / 2).scoreDocs) {
                ids.add(searcher.storedFields().document(hit.doc).get("id"));
            }
        }
        try (LuceneIndexReader reader =
                LuceneIndexReader.lastCommit(index, JsonMapper.builder().build())) {
            for (String id : ids) {
                ArticleHistory history = reader.history(id).orElseThrow();
                versions.put(
                        id,
                        history.versions().stream()
                                .map(version -> version.provenance().commit() + " "
                                        + version.provenance().sha256())
                                .toList());
            }
        }
        return versions;
    }

    private static int count(Path index) {
        try (LuceneIndexReader reader =
                LuceneIndexReader.lastCommit(index, JsonMapper.builder().build())) {
            return reader.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
