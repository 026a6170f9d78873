package org.newsarchive.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.capture.LoopbackSite.Page;
import org.newsarchive.cli.Commands;

/** The capture commands as a user runs them: their summaries, and their answers to bad input. */
class CaptureCommandsTest {

    @TempDir
    Path work;

    @Test
    void ingestCapturesTheNewArticlesImagesOnlyWhenAsked() throws Exception {
        try (LoopbackSite site = new LoopbackSite("127.0.0.2")) {
            String image = site.put("/a.png", Page.of("image/png", CaptureStoreTest.PNG));
            Path input = Files.createDirectories(work.resolve("input"));
            Files.writeString(
                    input.resolve("a.md"), "---\ntitle: 带图片的报道\ndate: 2022-03-01\n---\n正文。\n\n![照片](" + image + ")\n");
            String data = "--archive.data-dir=" + work.resolve("data");
            String allow = "--archive.capture.allow-addresses=127.0.0.2/32";

            Commands.Run plain = Commands.run("ingest", data, allow, input.toString());
            assertThat(plain.exitCode()).as(plain.all()).isZero();
            assertThat(plain.out()).doesNotContain("Images:");
            assertThat(site.requests()).as("ingest contacts no one by default").isEmpty();

            Files.writeString(input.resolve("a.md"), Files.readString(input.resolve("a.md")) + "\n新增一段。\n");
            Commands.Run capturing =
                    Commands.run("ingest", data, allow, "--archive.capture.on-ingest=true", input.toString());

            assertThat(capturing.exitCode()).as(capturing.all()).isZero();
            assertThat(capturing.out()).contains("Images: 1 captured, 0 unchanged, 0 refused, 0 failed.");
            assertThat(site.requests()).containsExactly("GET /a.png");

            Commands.Run again = Commands.run("capture", "media", data, allow);
            assertThat(again.out()).contains("0 images fetched", "1 captured before");
        }
    }

    @Test
    void anImageWrittenAsADataUrlIsCapturedWithoutAnyFetch() throws Exception {
        Path input = Files.createDirectories(work.resolve("input"));
        byte[] photo = noisyPng();
        String dataUrl =
                "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(photo);
        Files.writeString(
                input.resolve("a.md"), "---\ntitle: 内嵌图片的报道\ndate: 2022-03-01\n---\n正文。\n\n![内嵌的图](" + dataUrl + ")\n");
        String data = "--archive.data-dir=" + work.resolve("data");
        assertThat(Commands.run("ingest", data, input.toString()).exitCode()).isZero();

        Commands.Run capture = Commands.run("capture", "media", data);

        assertThat(capture.exitCode()).as(capture.all()).isZero();
        assertThat(capture.out()).contains("1 captured");
        tools.jackson.databind.JsonNode image = new tools.jackson.databind.json.JsonMapper()
                .readTree(Commands.run("export", data).out().lines().findFirst().orElseThrow())
                .get("images")
                .get(0);
        assertThat(image.get("url").asString()).isEqualTo(dataUrl);
        assertThat(image.get("archivedUrl").asString())
                .endsWith("/media/" + org.apache.commons.codec.digest.DigestUtils.sha256Hex(photo));
        try (CaptureStore store =
                CaptureStore.open(work.resolve("data/captures"), 1 << 30, java.time.Clock.systemUTC())) {
            assertThat(store.image(dataUrl))
                    .get()
                    .extracting(found -> found.answer().type())
                    .isEqualTo("image/png");
        }
        java.nio.file.Files.delete(work.resolve("data/captures/index.tsv"));
        try (CaptureStore rebuilt =
                CaptureStore.open(work.resolve("data/captures"), 1 << 30, java.time.Clock.systemUTC())) {
            assertThat(rebuilt.image(dataUrl))
                    .as("the index rebuilt from the WARC files")
                    .isPresent();
        }
    }

    /** A small photo-like PNG, seeded: far longer as a data: URL than a lazy-loading placeholder. */
    private static byte[] noisyPng() throws java.io.IOException {
        java.util.Random random = new java.util.Random(20261208);
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(24, 16, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 24; x++) {
            for (int y = 0; y < 16; y++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void badInputIsAUsageErrorWithAMessage() {
        String data = "--archive.data-dir=" + work.resolve("data");

        Commands.Run bare = Commands.run("capture", data);
        Commands.Run limit = Commands.run("capture", "links", "--limit=-1", data);
        Commands.Run unknown = Commands.run("capture", "media", data, "0000000000000000");

        assertThat(bare.exitCode()).isEqualTo(2);
        assertThat(bare.err()).contains("give what to capture: media or links");
        assertThat(limit.exitCode()).isEqualTo(2);
        assertThat(limit.err()).contains("--limit must be 0 (no limit) or more, was -1");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no article has the id 0000000000000000");
    }
}
