package org.newsarchive.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.capture.LoopbackSite.Page;
import org.newsarchive.cli.Commands;
import org.newsarchive.testing.ChildJvm;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Web archives made elsewhere, as a reader brings them: a crawl of a news page and its image, written by Debian's
 * {@code wget --warc-file} from a site on a loopback address, ingested with {@code ingest --warc}.
 */
class WarcImportTest {

    private static final String STORY = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>港口的货轮又回来了 - 新闻网</title></head>
            <body>
            <nav><a href="/">首页</a> <a href="/news/">新闻</a></nav>
            <article>
            <h1>港口的货轮又回来了</h1>
            <p>2022年3月1日 记者 王明</p>
            <p>停泊了半年的货轮，这个月陆续回到了港口。码头工人说，装卸的活又多了起来，夜班也恢复了。</p>
            <figure><img src="../img/photo.png" alt="码头的货轮"><figcaption>码头上的货轮</figcaption></figure>
            <p>港务局表示，下个月还会有更多航线恢复，工人们希望这次能稳定下来。</p>
            </article>
            </body></html>
            """;

    @TempDir
    Path work;

    @Test
    void aWgetCrawlIsIngestedWithItsImageCapturedAndReadingItAgainChangesNothing() throws Exception {
        try (LoopbackSite site = new LoopbackSite("127.0.0.2")) {
            String image = site.put("/img/photo.png", Page.of("image/png", CaptureStoreTest.PNG));
            String page = site.put(
                    "/news/story.html", Page.of("text/html; charset=utf-8", STORY.getBytes(StandardCharsets.UTF_8)));
            Path warc = crawl(page);
            String data = "--archive.data-dir=" + work.resolve("data");

            Commands.Run first = Commands.run("ingest", data, "--warc", warc.toString());

            assertThat(first.exitCode()).as(first.all()).isZero();
            assertThat(first.out()).contains("1 file: 1 ingested", "Images: 1 captured, 0 already archived.");
            JsonNode record = new JsonMapper()
                    .readTree(Commands.run("export", data)
                            .out()
                            .lines()
                            .findFirst()
                            .orElseThrow());
            assertThat(record.get("title").asString()).isEqualTo("港口的货轮又回来了");
            assertThat(record.get("sourceUrl").asString()).as("the page's URL").isEqualTo(page);
            assertThat(record.get("mirroredAt").isNull())
                    .as("the crawl's WARC-Date")
                    .isFalse();
            assertThat(record.get("text").asString()).contains("停泊了半年的货轮").doesNotContain("首页");
            JsonNode photo = record.get("images").get(0);
            assertThat(photo.get("url").asString()).isEqualTo(image);
            assertThat(photo.get("archivedUrl").asString())
                    .endsWith("/media/" + DigestUtils.sha256Hex(CaptureStoreTest.PNG));
            assertThat(photo.get("capturedAt").isNull()).isFalse();

            Commands.Run again = Commands.run("ingest", data, "--warc", warc.toString());
            assertThat(again.exitCode()).as(again.all()).isZero();
            assertThat(again.out())
                    .contains("1 file: 0 ingested, 1 unchanged", "Images: 0 captured, 1 already archived.");
        }
    }

    @Test
    void aWarcExportReadIntoAnEmptyArchiveGivesTheSameArticlesVersionsAndImages() throws Exception {
        try (LoopbackSite site = new LoopbackSite("127.0.0.2")) {
            site.put("/img/photo.png", Page.of("image/png", CaptureStoreTest.PNG));
            String page = site.put(
                    "/news/story.html", Page.of("text/html; charset=utf-8", STORY.getBytes(StandardCharsets.UTF_8)));
            String data = "--archive.data-dir=" + work.resolve("data");
            assertThat(Commands.run("ingest", data, "--warc", crawl(page).toString())
                            .exitCode())
                    .isZero();
            Path input = Files.createDirectories(work.resolve("input/两个 版本"));
            Path edited = input.resolve("码头 报道.md");
            Files.writeString(
                    edited,
                    "---\ntitle: 码头的夜班\ndate: 2022-03-02\nsource: https://news.example.org/2022/night-shift.html\n---\n夜班恢复了。\n");
            Files.writeString(input.resolve("plain.txt"), "山区的学校\n\n山区的学校今年多了两位老师。\n");
            assertThat(Commands.run("ingest", data, input.toString()).exitCode())
                    .isZero();
            Files.writeString(
                    edited,
                    "---\ntitle: 码头的夜班\ndate: 2022-03-02\nsource: https://news.example.org/2022/night-shift.html\n---\n夜班恢复了，工人们很高兴。\n");
            assertThat(Commands.run("ingest", data, input.toString()).exitCode())
                    .isZero();

            Commands.BinaryRun export = Commands.runBinary("export", data, "--format=warc");

            assertThat(export.exitCode()).as(export.err()).isZero();
            assertThat(export.err()).contains("Exported 4 versions of 3 articles and ");
            Path warc = Files.write(work.resolve("archive.warc.gz"), export.out());
            ChildJvm.Run valid = ChildJvm.runTool(
                    java.time.Duration.ofMinutes(2),
                    "org.netpreserve.jwarc.tools.WarcTool",
                    "validate",
                    warc.toString());
            assertThat(valid.exitCode()).as(valid.all()).isZero();
            int heard = site.requests().size();
            String copy = "--archive.data-dir=" + work.resolve("copy");
            Commands.Run read = Commands.run("ingest", copy, "--warc", warc.toString());

            assertThat(read.exitCode()).as(read.all()).isZero();
            assertThat(read.out()).contains("Images: 1 captured");
            assertThat(versions(copy)).isEqualTo(versions(data));
            assertThat(versions(copy)).hasSize(4);
            JsonNode story = new JsonMapper()
                    .readTree(Commands.run("export", copy, "港口")
                            .out()
                            .lines()
                            .findFirst()
                            .orElseThrow());
            assertThat(story.get("images").get(0).get("archivedUrl").isNull()).isFalse();
            assertThat(site.requests()).as("the copy asked the site nothing").hasSize(heard);
        }
    }

    /** Every version of every article: its id, number, title, text, source and file path. */
    private static List<String> versions(String dataDir) {
        JsonMapper json = new JsonMapper();
        return Commands.run("export", dataDir, "--all-versions")
                .out()
                .lines()
                .map(json::readTree)
                .map(version -> String.join(
                        " | ",
                        version.get("id").asString(),
                        version.get("version").asString(),
                        version.get("title").asString(),
                        version.get("text").asString(),
                        String.valueOf(version.get("sourceUrl")),
                        version.get("source").get("path").asString()))
                .sorted()
                .toList();
    }

    @Test
    void aFileThatIsNoWebArchiveIsNamedAndNothingIsIngested() throws Exception {
        Path notWarc = Files.writeString(work.resolve("notes.warc"), "这不是网页存档。\n");
        String data = "--archive.data-dir=" + work.resolve("data");

        Commands.Run run = Commands.run("ingest", data, "--warc", notWarc.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(notWarc + " cannot be read as a web archive (WARC)");
        assertThat(Commands.run("export", data).out()).isEmpty();
    }

    /** Crawls {@code page} and what it needs with wget into a WARC file, as an archivist would. */
    private Path crawl(String page) throws IOException, InterruptedException {
        Path wget = Path.of("/usr/bin/wget");
        assertThat(wget)
                .as("Debian's wget writes the crawl: sudo apt-get install -y wget (.ci/run installs it)")
                .isExecutable();
        List<String> command = new ArrayList<>(List.of(
                wget.toString(),
                "--warc-file=" + work.resolve("crawl"),
                "--page-requisites",
                "--no-proxy",
                "--tries=1",
                "--timeout=60",
                "--no-verbose",
                "-e",
                "robots=off",
                "--directory-prefix=" + work.resolve("mirror"),
                page));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("wget.log").toFile())
                .start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("wget ended").isTrue();
        assertThat(process.exitValue())
                .as(Files.readString(work.resolve("wget.log")))
                .isZero();
        Path warc = work.resolve("crawl.warc.gz");
        assertThat(ChildJvm.runTool(
                                java.time.Duration.ofMinutes(2),
                                "org.netpreserve.jwarc.tools.WarcTool",
                                "validate",
                                warc.toString())
                        .exitCode())
                .as("wget's crawl is a valid WARC")
                .isZero();
        return warc;
    }
}
