package org.newsarchive.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.ingest.IngestProgress;
import org.newsarchive.ingest.IngestService;
import org.newsarchive.ingest.normalize.ArticleNormalizer;
import org.newsarchive.lucene.LuceneIndexWriter;
import org.newsarchive.lucene.LuceneSearchService;
import org.newsarchive.original.OriginalFiles;
import org.newsarchive.search.SearchService;
import org.newsarchive.search.TermMarker;
import org.newsarchive.store.RawStore;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real archive for page controller slices instead of mocks: an on-disk Lucene index and raw store in a temporary
 * folder, holding the seed documents, with the search service, original files and term marking the pages use. Tests
 * may add articles through the {@link LuceneIndexWriter} bean.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RealArchive {

    /** The archive's folder, deleted with the context (after the index, which depends on it, is closed). */
    record Folder(Path path) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try (Stream<Path> files = Files.walk(path)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    @Bean(destroyMethod = "close")
    Folder realArchiveFolder() throws IOException {
        return new Folder(Files.createTempDirectory("page-slice-archive"));
    }

    @Bean
    ChineseAnalysis chineseAnalysis() {
        return new ChineseAnalysis();
    }

    @Bean(destroyMethod = "close")
    LuceneIndexWriter luceneIndexWriter(Folder folder, ChineseAnalysis analysis) {
        return new LuceneIndexWriter(
                folder.path().resolve("index"), analysis, JsonMapper.builder().build());
    }

    @Bean
    RawStore rawStore(Folder folder) {
        return new RawStore(folder.path());
    }

    /** The search service, over the seeds. */
    @Bean
    SearchService searchService(LuceneIndexWriter writer, RawStore rawStore, ChineseAnalysis analysis) {
        IngestService ingest =
                new IngestService(new ArticleNormalizer(), rawStore, writer, 10 << 20, 2, Clock.systemUTC());
        if (!ingest.ingest(List.of(Path.of("seeds")), false, IngestProgress.NONE)
                .allSucceeded()) {
            throw new IllegalStateException("the seeds did not all ingest");
        }
        return new LuceneSearchService(writer.reader(), analysis);
    }

    @Bean
    OriginalFiles originalFiles(SearchService search, RawStore rawStore) {
        return new OriginalFiles(search, rawStore);
    }

    @Bean
    TermMarker termMarker(ChineseAnalysis analysis) {
        return new TermMarker(analysis);
    }
}
