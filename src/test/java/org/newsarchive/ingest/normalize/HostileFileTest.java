package org.newsarchive.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Files built to exhaust a parser: each is answered with an article or a problem within a time budget and without
 * running out of memory (the test JVM's heap is the bound).
 */
class HostileFileTest {

    private static final Duration BUDGET = Duration.ofSeconds(30);

    private static NormalizationResult normalizeWithinBudget(String text) {
        return normalizeWithinBudget(text.getBytes(StandardCharsets.UTF_8));
    }

    private static NormalizationResult normalizeWithinBudget(byte[] bytes) {
        NormalizationResult result = assertTimeoutPreemptively(BUDGET, () -> Normalizers.normalize(bytes));
        assertThat(result).isNotNull();
        if (result instanceof NormalizationResult.Crashed crashed) {
            throw new AssertionError(
                    "the normalizer crashed instead of refusing: " + crashed.problems(), crashed.failure());
        }
        if (result instanceof NormalizationResult.Normalized normalized) {
            assertThat(normalized.article().html()).doesNotContain("<script", "javascript:", "onerror");
        } else {
            assertThat(((NormalizationResult.Refused) result).reason()).isNotBlank();
        }
        return result;
    }

    @Test
    void tenThousandNestedElements() {
        String html = "---\ntitle: 嵌套\n---\n" + "<div>".repeat(10_000) + "<p>深层嵌套的正文内容，依然可以读出来。</p>"
                + "</div>".repeat(10_000);

        assertThat(normalizeWithinBudget(html)).isInstanceOf(NormalizationResult.Normalized.class);
    }

    @Test
    void unclosedNestingAndNestedQuotes() {
        normalizeWithinBudget("<blockquote>".repeat(10_000) + "引文");
        assertThat(normalizeWithinBudget("> ".repeat(10_000) + "引文"))
                .isInstanceOfSatisfying(
                        NormalizationResult.Refused.class,
                        refused -> assertThat(refused.reason()).contains("nested too deeply"));
        normalizeWithinBudget("<ul><li>".repeat(5_000) + "列表");
        normalizeWithinBudget("[".repeat(50_000) + "链接" + "](x)".repeat(50_000));
    }

    @Test
    void veryLongLinesAndHugeAttributes() {
        normalizeWithinBudget("---\ntitle: 长行\n---\n" + "很长的一行文字".repeat(300_000));
        normalizeWithinBudget("<p title=\"" + "a".repeat(2_000_000) + "\">正文</p>");
        normalizeWithinBudget("<img src=\"https://x.test/" + "a".repeat(2_000_000) + ".jpg\"><p>图片说明</p>");
        normalizeWithinBudget("---\ntitle: \"" + "标".repeat(1_000_000) + "\"\n---\n正文");
    }

    @Test
    void yamlBombsAndBrokenFrontMatter() {
        normalizeWithinBudget("---\na: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n"
                + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
                + "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\ntitle: 炸弹\n---\n正文内容。");
        normalizeWithinBudget("---\ntitle: [unclosed\n---\n正文内容。");
        normalizeWithinBudget("---\n" + "key: value\n".repeat(100_000) + "---\n正文内容。");
    }

    @Test
    void everySeedTruncatedAtManyPoints() throws Exception {
        try (var seeds = Files.list(Path.of("seeds"))) {
            for (Path seed : seeds.toList()) {
                byte[] bytes = Files.readAllBytes(seed);
                for (int cut = 0; cut < bytes.length; cut += Math.max(1, bytes.length / 40)) {
                    normalizeWithinBudget(java.util.Arrays.copyOf(bytes, cut));
                }
            }
        }
    }
}
