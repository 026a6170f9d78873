package org.newsarchive.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.newsarchive.article.Article;

/** Shared helpers for normalizer tests: one normalizer per JVM, as in production. */
final class Normalizers {

    static final ArticleNormalizer NORMALIZER = new ArticleNormalizer();
    static final Instant INGESTED_AT = Instant.parse("2026-01-01T00:00:00Z");

    private Normalizers() {}

    static NormalizationResult normalize(byte[] bytes) {
        return NORMALIZER.normalize(bytes, "test.md", INGESTED_AT);
    }

    static Article article(String text) {
        return article(text.getBytes(StandardCharsets.UTF_8));
    }

    static Article article(byte[] bytes) {
        NormalizationResult result = normalize(bytes);
        assertThat(result).isInstanceOf(NormalizationResult.Normalized.class);
        return ((NormalizationResult.Normalized) result).article();
    }

    static Article file(Path path) {
        try {
            return article(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resource(String name) {
        try {
            return Path.of(Normalizers.class.getResource("/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }
}
