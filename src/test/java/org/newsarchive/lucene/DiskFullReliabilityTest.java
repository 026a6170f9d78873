package org.newsarchive.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.tests.store.MockDirectoryWrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.SyntheticCorpus;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.ingest.IngestProgress;
import org.newsarchive.ingest.IngestService;
import org.newsarchive.ingest.normalize.ArticleNormalizer;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchService;
import org.newsarchive.search.SearchUnavailableException;
import org.newsarchive.store.RawStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * The disk fills up during an ingest (Lucene's {@link MockDirectoryWrapper} refusing writes past a size): the ingest
 * fails with a message that says so, and the index as last committed stays readable and complete.
 */
class DiskFullReliabilityTest {

    /** A directory that only fills up: no random slowness, no check on close. */
    private static MockDirectoryWrapper quietDisk(Directory delegate) {
        MockDirectoryWrapper disk = new MockDirectoryWrapper(new Random(42), delegate);
        disk.setThrottling(MockDirectoryWrapper.Throttling.NEVER);
        disk.setCheckIndexOnClose(false);
        disk.setUseSlowOpenClosers(false);
        return disk;
    }

    @TempDir
    Path dataDir;

    @Test
    void aFullDiskFailsTheIngestClearlyAndKeepsTheCommittedIndex() throws IOException {
        ChineseAnalysis analysis = new ChineseAnalysis();
        Path indexPath = dataDir.resolve("index");
        MockDirectoryWrapper[] disk = new MockDirectoryWrapper[1];
        LuceneIndexWriter index = new LuceneIndexWriter(
                indexPath,
                path -> disk[0] = quietDisk(FSDirectory.open(path)),
                analysis,
                JsonMapper.builder().build());
        IngestService ingest = new IngestService(
                new ArticleNormalizer(), new RawStore(dataDir), index, 10 << 20, 2, Clock.systemUTC());
        ingest.ingest(List.of(SyntheticCorpus.write(dataDir.resolve("first"), 0, 300)), false, IngestProgress.NONE);

        disk[0].setMaxSizeInBytes(disk[0].sizeInBytes() + 200_000);
        Path more = SyntheticCorpus.write(dataDir.resolve("more"), 300, 1_000);
        assertThatThrownBy(() -> ingest.ingest(List.of(more), false, IngestProgress.NONE))
                .isInstanceOf(SearchUnavailableException.class)
                .hasMessageContaining("cannot write the index at " + indexPath.toAbsolutePath())
                .hasMessageContaining("disk full")
                .hasMessageContaining("everything committed before is intact");
        try {
            index.close();
        } catch (IOException | RuntimeException closingAfterTheFailure) {
            // The writer may already have closed itself after the failed flush; the files on disk are what count.
        }

        try (LuceneIndexWriter reopened =
                new LuceneIndexWriter(indexPath, analysis, JsonMapper.builder().build())) {
            SearchService search = new LuceneSearchService(reopened.reader(), analysis);
            assertThat(reopened.reader().count()).isEqualTo(300);
            assertThat(search.search(SearchRequest.of("")).total()).isEqualTo(300);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
