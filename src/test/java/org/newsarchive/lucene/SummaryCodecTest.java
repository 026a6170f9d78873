package org.newsarchive.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.newsarchive.article.Article;
import org.newsarchive.ingest.normalize.ArticleNormalizer;
import org.newsarchive.ingest.normalize.NormalizationResult;
import tools.jackson.databind.json.JsonMapper;

class SummaryCodecTest {

    @Property(seed = "20261206")
    void everySummaryReadsBackAsItWasWritten(@ForAll String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        assertThat(BytesRef.deepCopyOf(SummaryCodec.decompress(SummaryCodec.compress(bytes))))
                .isEqualTo(new BytesRef(bytes));
    }

    @Test
    void aSummaryWrittenPlainBeforeCompressionIsReadAsItIs() {
        BytesRef plain = new BytesRef("{\"id\":\"abc\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(SummaryCodec.decompress(plain)).isEqualTo(plain);
    }

    @Test
    void aSeedsSummaryReadsBackAsItWasWritten() throws Exception {
        byte[] file = java.nio.file.Files.readAllBytes(Path.of("seeds", "002_3078d70d0ab3e5f7.txt"));
        Article article = ((NormalizationResult.Normalized)
                        new ArticleNormalizer().normalize(file, "seed.txt", Instant.parse("2026-01-01T00:00:00Z")))
                .article();
        byte[] json = JsonMapper.builder().build().writeValueAsBytes(article.withoutBody());

        BytesRef compressed = SummaryCodec.compress(json);

        assertThat(compressed).isNotEqualTo(new BytesRef(json));
        assertThat(BytesRef.deepCopyOf(SummaryCodec.decompress(compressed))).isEqualTo(new BytesRef(json));
    }
}
