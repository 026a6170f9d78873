package org.newsarchive.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The normalizer's contract on any input: it never throws, never crashes, and always answers with an article or a
 * refusal that gives its reason.
 */
class NormalizerProperties {

    @Property(tries = 300, seed = "20261206")
    void arbitraryBytesYieldArticleOrProblem(@ForAll @Size(max = 4096) byte[] bytes) {
        assertAnswered(bytes);
    }

    @Property(tries = 300, seed = "20261206")
    void arbitraryMarkupYieldsArticleOrProblem(@ForAll("markup") String text) {
        assertAnswered(text.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 200, seed = "20261206")
    void mutatedSeedsYieldArticleOrProblem(@ForAll("mutatedSeeds") byte[] bytes) {
        assertAnswered(bytes);
    }

    private static void assertAnswered(byte[] bytes) {
        NormalizationResult result = Normalizers.normalize(bytes);
        assertThat(result).isNotNull();
        if (result instanceof NormalizationResult.Crashed crashed) {
            throw new AssertionError("the normalizer crashed: " + crashed.problems(), crashed.failure());
        }
        if (result instanceof NormalizationResult.Refused refused) {
            assertThat(refused.problems()).isNotEmpty();
            assertThat(refused.reason()).isNotBlank();
        } else {
            var article = ((NormalizationResult.Normalized) result).article();
            assertThat(!article.title().isBlank()
                            || article.hasText()
                            || !article.images().isEmpty())
                    .as("an article has a title or a body")
                    .isTrue();
            assertThat(article.hasText())
                    .as("an article says whether it has text: a title-only record has none")
                    .isEqualTo(!article.text().isBlank());
            if (!article.hasText()) {
                assertThat(result.problems())
                        .as("an article without text is reported")
                        .anySatisfy(problem -> assertThat(problem.message()).containsAnyOf("no text", "only a title"));
            }
            assertThat(article.html()).doesNotContain("<script", "javascript:");
        }
    }

    @Provide
    Arbitrary<String> markup() {
        Arbitrary<String> pieces = Arbitraries.of(
                "<p>",
                "</p>",
                "<div>",
                "</div>",
                "<span href=\"/tag/x\">",
                "</span>",
                "<ok href=\"http://a\">",
                "</ok>",
                "<img src=\"https://cors.x.dev/?http://i/a.jpg\">",
                "<br>",
                "<!--1616775713000-->",
                "---\n",
                "title: 标题\n",
                "## ",
                "### [首页](../a) | [翻墙](b)\n",
                "**",
                "****",
                "[[zh:中国]]",
                "![](",
                ")",
                "[",
                "](http://x)",
                "【大纪元2021年03月26日讯】",
                "责任编辑：某某 #",
                "原文链接：https://a.b/2021/1/2/x.html",
                "\n",
                "\n\n",
                "  ",
                "中文文本",
                "Latin text",
                "&amp;",
                "&#x4e2d;",
                "<table><tr><td>格</td></tr></table>",
                "<script>x</script>",
                "`4/2/2024 12:25 PM UTC 站` [轉載自GNews](https://gnews.org/articles/1)",
                "<h4>",
                "</h4>",
                "<li>",
                "- ");
        return pieces.list().ofMaxSize(60).map(list -> String.join("", list));
    }

    @Provide
    Arbitrary<byte[]> mutatedSeeds() throws Exception {
        byte[] seed = Files.readAllBytes(Path.of("seeds", "004_ab59611138e6fcfc.txt"));
        return Arbitraries.integers()
                .between(0, seed.length - 1)
                .list()
                .ofMaxSize(30)
                .flatMap(positions -> Arbitraries.bytes()
                        .array(byte[].class)
                        .ofSize(positions.size())
                        .map(values -> {
                            byte[] copy = seed.clone();
                            for (int i = 0; i < positions.size(); i++) {
                                copy[positions.get(i)] = values[i];
                            }
                            return positions.isEmpty()
                                    ? copy
                                    : java.util.Arrays.copyOf(
                                            copy, Math.max(1, positions.get(0) * 3 % copy.length + 1));
                        }));
    }
}
