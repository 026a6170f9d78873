package org.newsarchive.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.ingest.normalize.ArticleNormalizer;
import org.newsarchive.ingest.normalize.NormalizationResult;
import org.newsarchive.search.SearchRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Articles whose text holds characters that NFKC turns into a run of several ({@code ㍿} is {@code 株式会社}) are
 * indexed and found: the run-end unigram's offsets once went negative for them, which failed the article and any
 * search for such text. Their hits are shown unmarked, as Lucene's highlighter cannot place terms with empty offsets.
 */
class ExpandingCharactersIndexingTest {

    @TempDir
    Path dataDir;

    @Test
    void articlesWithExpandingCharactersAreIndexedAndFound() throws Exception {
        ArticleNormalizer normalizer = new ArticleNormalizer();
        try (LuceneIndexWriter index = new LuceneIndexWriter(
                dataDir.resolve("index"),
                new ChineseAnalysis(),
                JsonMapper.builder().build())) {
            LuceneSearchService search = new LuceneSearchService(index.reader(), new ChineseAnalysis());
            String[] bodies = {"会议在凌晨召开，㍿参加。", "公司名称为某某㍿。", "㍿㍿ 这一页记录了时间。"};
            for (int i = 0; i < bodies.length; i++) {
                String markdown =
                        "---\ntitle: 标题" + i + "\nfrom: https://example.org/" + i + "\n---\n" + bodies[i] + "\n";
                index.save(((NormalizationResult.Normalized) normalizer.normalize(
                                markdown.getBytes(StandardCharsets.UTF_8), i + ".md", Instant.now()))
                        .article());
            }
            index.commit();

            assertThat(search.search(SearchRequest.of("")).total()).isEqualTo(3);
            assertThat(search.search(SearchRequest.of("株式会社")).total()).isEqualTo(3);
            assertThat(search.search(SearchRequest.of("㍿")).total()).isEqualTo(3);
            assertThat(search.search(SearchRequest.of("召开")).hits())
                    .singleElement()
                    .satisfies(hit -> assertThat(hit.article().title()).isEqualTo("标题0"));
        }
    }
}
