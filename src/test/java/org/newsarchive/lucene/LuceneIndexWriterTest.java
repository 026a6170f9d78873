package org.newsarchive.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.article.Article;
import org.newsarchive.ingest.normalize.ArticleNormalizer;
import org.newsarchive.ingest.normalize.NormalizationResult;
import org.newsarchive.search.SearchUnavailableException;
import tools.jackson.databind.json.JsonMapper;

/** The index on disk: durability at commit, round trips of records, and clear errors for locked or corrupt indexes. */
class LuceneIndexWriterTest {

    private static final ChineseAnalysis ANALYSIS = new ChineseAnalysis();

    @TempDir
    Path directory;

    private LuceneIndexWriter open() {
        return new LuceneIndexWriter(directory, ANALYSIS, JsonMapper.builder().build());
    }

    private static Article seed(String name) throws Exception {
        var result = new ArticleNormalizer()
                .normalize(Files.readAllBytes(Path.of("seeds", name)), name, Instant.parse("2026-01-01T00:00:00Z"));
        return ((NormalizationResult.Normalized) result).article();
    }

    @Test
    void recordsRoundTripExactly() throws Exception {
        Article article = seed("004_ab59611138e6fcfc.txt");
        try (LuceneIndexWriter index = open()) {
            index.save(article);
            index.commit();
            assertThat(index.reader().find(article.id())).hasValue(article);
        }
    }

    @Test
    void onlyCommittedArticlesSurviveAClose() throws Exception {
        Article committed = seed("000_1a9ccc52b8d05a66.txt");
        Article uncommitted = seed("001_8bf697e77c316bad.txt");
        try (LuceneIndexWriter index = open()) {
            index.save(committed);
            index.commit();
            index.save(uncommitted);
        }
        try (LuceneIndexWriter reopened = open()) {
            assertThat(reopened.reader().find(committed.id())).isPresent();
            assertThat(reopened.reader().find(uncommitted.id())).isEmpty();
            assertThat(reopened.reader().count()).isEqualTo(1);
        }
    }

    @Test
    void aLockedIndexNamesItsDirectory() {
        try (LuceneIndexWriter first = open()) {
            assertThatThrownBy(this::open)
                    .isInstanceOf(SearchUnavailableException.class)
                    .hasMessageContaining(directory.toAbsolutePath().toString())
                    .hasMessageContaining("locked by another process");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aCorruptIndexAdvisesReindex() throws Exception {
        try (LuceneIndexWriter index = open()) {
            index.save(seed("002_3078d70d0ab3e5f7.txt"));
            index.commit();
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(path -> path.getFileName().toString().startsWith("segments_"))
                    .toList()) {
                byte[] bytes = Files.readAllBytes(file);
                bytes[bytes.length / 2] ^= 0x5A;
                Files.write(file, bytes);
            }
        }

        assertThatThrownBy(this::open)
                .isInstanceOf(SearchUnavailableException.class)
                .hasMessageContaining(directory.toAbsolutePath().toString())
                .hasMessageContaining("reindex");
    }
}
