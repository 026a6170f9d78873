package org.newsarchive.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.capture.LoopbackSite.Page;
import org.newsarchive.testing.ChildJvm;

/**
 * {@code capture media} in a child JVM killed with SIGKILL while it fetches: every capture it finished is kept, the
 * WARC files read, and a rerun captures the rest without fetching or storing anything twice.
 */
class KilledCaptureReliabilityTest {

    private static final int ARTICLES = 10;
    private static final int IMAGES_EACH = 12;
    private static final int KILL_AT = 50;

    @TempDir
    Path work;

    @Test
    void aKilledCaptureLosesNothingFinishedAndARerunCompletesTheRest() throws Exception {
        try (LoopbackSite site = new LoopbackSite("127.0.0.2")) {
            Path input = Files.createDirectories(work.resolve("input"));
            List<String> urls = new ArrayList<>();
            for (int a = 0; a < ARTICLES; a++) {
                StringBuilder body = new StringBuilder("第" + a + "篇报道的正文。\n\n");
                for (int i = 0; i < IMAGES_EACH; i++) {
                    String url = site.put(
                            "/img/" + a + "-" + i + ".png", Page.of("image/png", CaptureStoreTest.png(1 + a, 1 + i)));
                    urls.add(url);
                    body.append("![图").append(i).append("](").append(url).append(")\n\n");
                }
                Files.writeString(
                        input.resolve("article-" + a + ".md"),
                        "---\ntitle: 第" + a + "篇被杀死的捕获\ndate: 2022-03-0" + (1 + a % 9) + "\n---\n" + body);
            }
            Path data = work.resolve("data");
            ChildJvm.Run ingest =
                    ChildJvm.run(Duration.ofMinutes(3), "ingest", "--archive.data-dir=" + data, input.toString());
            assertThat(ingest.exitCode()).as(ingest.all()).isZero();

            CountDownLatch reached = new CountDownLatch(1);
            CountDownLatch killed = new CountDownLatch(1);
            site.beforeAnswer(count -> {
                if (count >= KILL_AT) {
                    reached.countDown();
                    await(killed);
                }
            });
            List<String> capture = List.of(
                    "capture",
                    "media",
                    "--archive.data-dir=" + data,
                    "--archive.capture.allow-addresses=127.0.0.2/32",
                    "--archive.capture.host-delay=0s");
            Process first = ChildJvm.start(capture);
            assertThat(reached.await(3, TimeUnit.MINUTES))
                    .as("the capture reached its 50th request")
                    .isTrue();
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            killed.countDown();
            site.beforeAnswer(count -> {});

            Path captures = data.resolve("captures");
            Map<String, Integer> kept = new HashMap<>();
            try (CaptureStore store = CaptureStore.open(captures, 1 << 30, Clock.systemUTC())) {
                for (String url : urls) {
                    for (Capture c : store.history(url)) {
                        assertThat(CaptureStoreTest.readAll(store, c))
                                .as("finished captures read whole")
                                .isNotEmpty();
                        kept.merge(url, 1, Integer::sum);
                    }
                }
            }
            assertThat(kept.size()).as("captures finished before the kill").isBetween(1, KILL_AT - 1);

            ChildJvm.Run rerun = ChildJvm.run(Duration.ofMinutes(3), capture.toArray(String[]::new));
            assertThat(rerun.exitCode()).as(rerun.all()).isZero();
            assertThat(rerun.out())
                    .contains((urls.size() - kept.size()) + " images fetched", kept.size() + " captured before");

            try (CaptureStore store = CaptureStore.open(captures, 1 << 30, Clock.systemUTC())) {
                for (String url : urls) {
                    assertThat(store.history(url)).as(url).hasSize(1);
                    assertThat(store.image(url)).as(url).isPresent();
                }
                for (Path file : store.warcFiles()) {
                    ChildJvm.Run valid = ChildJvm.runTool(
                            Duration.ofMinutes(2), "org.netpreserve.jwarc.tools.WarcTool", "validate", file.toString());
                    assertThat(valid.exitCode()).as(file + "\n" + valid.all()).isZero();
                }
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
