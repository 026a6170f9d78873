package org.newsarchive.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsarchive.article.Article;

/** Byte-level input: encodings are detected and bad files are refused with a one-line reason. */
class EncodingAndRefusalTest {

    @ParameterizedTest
    @CsvSource({
        "article-utf8.md, UTF-8",
        "article-utf8-bom.md, UTF-8 (BOM)",
        "article-gb18030.md, GB18030",
        "article-big5.md, Big5"
    })
    void everyEncodingDecodesToTheSameArticle(String file, String charset) {
        Article article = Normalizers.file(Normalizers.resource("encoding/" + file));

        assertThat(article.provenance().encoding()).isEqualTo(charset);
        assertThat(article.title()).isEqualTo("網絡互助平台相繼關停 會員權益誰來保障");
        assertThat(article.text()).startsWith("近日，多家網絡互助平台宣布關停").endsWith("監管收緊是平台退出的主要原因。");
        assertThat(article.editors()).containsExactly("宇真");
        assertThat(article.publisher()).isEqualTo("看中国");
    }

    @Test
    void invalidUtf8BytesAreReplacedWithWarning() throws Exception {
        byte[] bytes = java.nio.file.Files.readAllBytes(Normalizers.resource("encoding/article-invalid-utf8.md"));

        var result = Normalizers.normalize(bytes);

        assertThat(result).isInstanceOf(NormalizationResult.Normalized.class);
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(IngestProblem.Severity.WARNING);
            assertThat(problem.message()).contains("invalid UTF-8");
        });
    }

    @Test
    void emptyFileIsRefused() {
        assertRefused(new byte[0], "empty file");
        assertRefused("\n \n".getBytes(StandardCharsets.UTF_8), "empty file");
    }

    @Test
    void binaryFileIsRefused() {
        assertRefused(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2, 3}, "binary file");
    }

    /** A title alone is kept, as evidence that the article existed; with neither, nothing is left to keep. */
    @Test
    void fileWithNeitherTitleNorBodyIsRefused() {
        assertRefused(
                "---\nauthor: 某人\n---\n<script>x()</script>\n".getBytes(StandardCharsets.UTF_8), "no article body");
    }

    private static void assertRefused(byte[] bytes, String reason) {
        var result = Normalizers.normalize(bytes);
        assertThat(result).isInstanceOf(NormalizationResult.Refused.class);
        assertThat(((NormalizationResult.Refused) result).reason())
                .contains(reason)
                .doesNotContain("\n");
    }
}
