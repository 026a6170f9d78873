package org.newsarchive.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.newsarchive.article.Article;

/**
 * 200 real GNews mirror articles (a random sample of the benchmark corpus, both the 2021 and 2023–2024 layouts):
 * each must yield a title, a GNews source URL, non-trivial text and no boilerplate.
 */
class CorpusSampleTest {

    private static final List<String> BOILERPLATE_MARKERS = List.of(
            ":house:",
            "返回首頁",
            "返回](",
            "轉載自GNews",
            "免责声明：本文内容仅代表作者个人观点",
            "ROL Foundation",
            "ROL Society",
            "Terms of use",
            "Privacy Policy",
            "[[zh:",
            "README.md");

    @TestFactory
    Stream<DynamicTest> everySampleArticleIsClean() throws IOException {
        Path folder = Normalizers.resource("corpus-sample");
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.sorted().toList();
        }
        assertThat(files).hasSize(200);
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    Article article = Normalizers.file(file);
                    assertThat(article.title()).isNotBlank();
                    assertThat(article.sourceUrl()).startsWith("https://gnews.org/");
                    assertThat(article.publisher()).isEqualTo("GNews");
                    assertThat(article.text().codePointCount(0, article.text().length()))
                            .isGreaterThanOrEqualTo(20);
                    String all = article.title() + "\n" + article.text() + "\n" + article.html();
                    for (String marker : BOILERPLATE_MARKERS) {
                        assertThat(all).as("boilerplate marker %s", marker).doesNotContain(marker);
                    }
                }));
    }
}
