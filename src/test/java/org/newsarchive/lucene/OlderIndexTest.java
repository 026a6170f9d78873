package org.newsarchive.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.article.Article;
import org.newsarchive.ingest.normalize.ArticleNormalizer;
import org.newsarchive.ingest.normalize.NormalizationResult;
import org.newsarchive.schema.ArticleFields;
import org.newsarchive.schema.IndexFields;
import org.newsarchive.search.SearchHit;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchResults;
import org.newsarchive.search.SearchService;
import org.newsarchive.version.ArticleHistory;
import tools.jackson.databind.json.JsonMapper;

/**
 * An index written before result lists read the {@code summary} doc values: its documents have none, and result
 * pages and an article's copies are read from the whole record instead, with the same hits as from an index that
 * has them.
 */
class OlderIndexTest {

    private static final List<String> SEEDS =
            List.of("000_1a9ccc52b8d05a66.txt", "002_3078d70d0ab3e5f7.txt", "004_ab59611138e6fcfc.txt");
    /** Two of the seeds are written as copies of one story, so that the copies are read too. */
    private static final String STORY = "story";

    private final ChineseAnalysis analysis = new ChineseAnalysis();
    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path work;

    @Test
    void resultsAndCopiesOfDocumentsWithoutSummariesAreReadFromTheirRecords() throws Exception {
        List<Article> articles = seeds();
        Path older = write(work.resolve("older"), articles, false);
        Path current = write(work.resolve("current"), articles, true);
        assertThat(hasSummaries(older)).isFalse();
        assertThat(hasSummaries(current)).isTrue();

        try (LuceneIndexReader olderReader = LuceneIndexReader.lastCommit(older, json);
                LuceneIndexReader currentReader = LuceneIndexReader.lastCommit(current, json)) {
            SearchService fromRecords = new LuceneSearchService(olderReader, analysis);
            SearchService fromSummaries = new LuceneSearchService(currentReader, analysis);
            for (String query : List.of("", "互助", "香港")) {
                SearchResults expected = fromSummaries.search(SearchRequest.of(query));
                SearchResults actual = fromRecords.search(SearchRequest.of(query));
                assertThat(actual.total()).as(query).isEqualTo(expected.total());
                assertThat(actual.hits()).as(query).isEqualTo(expected.hits());
            }
            SearchResults all = fromRecords.search(SearchRequest.of(""));
            assertThat(all.hits()).hasSize(articles.size() - 1);
            for (SearchHit hit : all.hits()) {
                Article whole = articles.stream()
                        .filter(article -> article.id().equals(hit.article().id()))
                        .findFirst()
                        .orElseThrow();
                assertThat(hit.article().title()).isEqualTo(whole.title());
                assertThat(hit.article().provenance()).isEqualTo(whole.provenance());
                assertThat(hit.article().html()).isEmpty();
                assertThat(hit.snippet()).isNotBlank();
            }

            String id = articles.get(0).id();
            List<Article> copies = fromRecords.copies(id);
            assertThat(copies)
                    .extracting(Article::id)
                    .containsExactlyInAnyOrder(id, articles.get(1).id());
            assertThat(copies).isEqualTo(fromSummaries.copies(id));
            assertThat(copies).allSatisfy(copy -> assertThat(copy.html()).isEmpty());
        }
    }

    private List<Article> seeds() throws Exception {
        ArticleNormalizer normalizer = new ArticleNormalizer();
        return SEEDS.stream()
                .map(name -> {
                    try {
                        byte[] bytes = Files.readAllBytes(Path.of("seeds", name));
                        return ((NormalizationResult.Normalized)
                                        normalizer.normalize(bytes, name, Instant.parse("2026-01-01T00:00:00Z")))
                                .article();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .toList();
    }

    /** Writes the articles as the archive does, the first two as one story, with or without their summaries. */
    private Path write(Path directory, List<Article> articles, boolean withSummaries) throws Exception {
        ArticleDocuments documents = new ArticleDocuments(json);
        IndexWriterConfig config = new IndexWriterConfig(analysis.indexAnalyzer(IndexFields.VIEWS))
                .setCodec(new Lucene912Codec(Lucene912Codec.Mode.BEST_COMPRESSION));
        try (FSDirectory store = FSDirectory.open(directory);
                IndexWriter writer = new IndexWriter(store, config)) {
            for (int i = 0; i < articles.size(); i++) {
                Article article = articles.get(i);
                String cluster = i < 2 ? STORY : article.id();
                Document document =
                        documents.toDocument(ArticleHistory.of(article), ArticleFields.of(article, analysis), cluster);
                if (!withSummaries) {
                    document.removeFields(IndexFields.SUMMARY);
                }
                writer.addDocument(document);
            }
            writer.commit();
        }
        return directory;
    }

    private static boolean hasSummaries(Path directory) throws Exception {
        try (FSDirectory store = FSDirectory.open(directory);
                DirectoryReader reader = DirectoryReader.open(store)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                if (leaf.reader().getBinaryDocValues(IndexFields.SUMMARY) != null) {
                    return true;
                }
            }
            return false;
        }
    }
}
