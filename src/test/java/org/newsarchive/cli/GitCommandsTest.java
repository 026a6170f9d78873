package org.newsarchive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.testing.MirrorRepository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ingest --git}, {@code search} and {@code export --all-versions} as a shell user runs them on a git mirror
 * with an edited article: what each prints, and its exit code.
 */
class GitCommandsTest {

    private static final Instant MARCH = Instant.parse("2021-03-01T08:00:00Z");
    private static final Instant APRIL = Instant.parse("2021-04-01T08:00:00Z");

    @TempDir
    static Path work;

    static Path repository;

    static Commands.Run firstIngest;

    private final JsonMapper json = JsonMapper.builder().build();

    private static String data() {
        return "--archive.data-dir=" + work.resolve("data");
    }

    private static String post(String text) {
        return "---\ntitle: 本市新增确诊病例\nsource_url: https://news.example.org/covid.html\n---\n\n" + "卫生部门今天公布了最新数字。\n\n"
                + text + "\n";
    }

    @BeforeAll
    static void ingestAMirror() throws Exception {
        repository = work.resolve("mirror");
        try (MirrorRepository mirror = MirrorRepository.create(repository)) {
            mirror.write("_posts/covid.md", post("另有三名记者被警方带走，下落不明。"));
            mirror.commit("add", MARCH);
            mirror.write("_posts/covid.md", post("记者的情况暂时不得而知。"));
            mirror.commit("edit", APRIL);
        }
        firstIngest = Commands.run("ingest", data(), "--git", repository.toString());
    }

    @Test
    void anIngestSaysWhatTheHistoryHeldAndARerunThatNothingIsNew() {
        assertThat(firstIngest.exitCode()).as(firstIngest.all()).isZero();
        assertThat(firstIngest.out())
                .contains("2 commits of " + repository.toAbsolutePath())
                .contains("2 files: 1 ingested, 1 new version, 0 unchanged, 0 failed");

        Commands.Run again = Commands.run("ingest", data(), "--git", repository.toString());

        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).startsWith("No new commits in " + repository.toAbsolutePath() + " since ");
    }

    @Test
    void aSearchForWhatOnlyTheFirstVersionSaidNamesIt() {
        Commands.Run run = Commands.run("search", data(), "三名记者被警方带走");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).startsWith("1 matching article (");
        assertThat(run.out()).contains("本市新增确诊病例  (found in version 1 of 2)");
        assertThat(Commands.run("search", data(), "暂时不得而知").out()).doesNotContain("found in version");
    }

    @Test
    void anExportOfEveryVersionHasALineForEachOldestFirst() throws Exception {
        Commands.Run run = Commands.run("export", data(), "--all-versions");

        assertThat(run.exitCode()).as(run.all()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.out().split("\n")) {
            lines.add(json.readTree(line));
        }
        assertThat(lines).extracting(line -> line.get("version").asInt()).containsExactly(1, 2);
        assertThat(lines)
                .extracting(line -> line.get("mirroredAt").asString())
                .containsExactly("2021-03-01T08:00:00Z", "2021-04-01T08:00:00Z");
        assertThat(run.err()).contains("Exported 2 versions.");
    }

    @Test
    void aFolderThatIsNoRepositoryIsAUsageErrorWithoutAStackTrace() throws Exception {
        Path plain = Files.createDirectories(work.resolve("plain"));

        Commands.Run run = Commands.run("ingest", data(), "--git", plain.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("ingest: ").contains(plain.toString()).doesNotContain("\tat ", "Exception");
    }
}
