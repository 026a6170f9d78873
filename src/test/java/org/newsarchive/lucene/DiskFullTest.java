package org.newsarchive.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
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
 * The disk fills up during an ingest (simulated by a directory that refuses writes past a budget): the ingest fails
 * with a message that says so, and the index as last committed stays readable and complete.
 */
class DiskFullTest {

    @TempDir
    Path dataDir;

    /** Writes go through until the budget is spent, then fail as a full disk does. */
    static final class FullDisk extends FilterDirectory {
        final AtomicLong budget = new AtomicLong(Long.MAX_VALUE);

        FullDisk(Directory delegate) {
            super(delegate);
        }

        @Override
        public IndexOutput createOutput(String name, IOContext context) throws IOException {
            return new CountingOutput(in.createOutput(name, context));
        }

        @Override
        public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
            return new CountingOutput(in.createTempOutput(prefix, suffix, context));
        }

        final class CountingOutput extends IndexOutput {
            private final IndexOutput out;

            CountingOutput(IndexOutput out) {
                super("full disk(" + out + ")", out.getName());
                this.out = out;
            }

            private void spend(long bytes) throws IOException {
                if (budget.addAndGet(-bytes) < 0) {
                    throw new IOException("No space left on device");
                }
            }

            @Override
            public void writeByte(byte b) throws IOException {
                spend(1);
                out.writeByte(b);
            }

            @Override
            public void writeBytes(byte[] b, int offset, int length) throws IOException {
                spend(length);
                out.writeBytes(b, offset, length);
            }

            @Override
            public void close() throws IOException {
                out.close();
            }

            @Override
            public long getFilePointer() {
                return out.getFilePointer();
            }

            @Override
            public long getChecksum() throws IOException {
                return out.getChecksum();
            }
        }
    }

    @Test
    void aFullDiskFailsTheIngestClearlyAndKeepsTheCommittedIndex() {
        ChineseAnalysis analysis = new ChineseAnalysis();
        Path indexPath = dataDir.resolve("index");
        FullDisk[] disk = new FullDisk[1];
        LuceneIndexWriter index = new LuceneIndexWriter(
                indexPath,
                path -> disk[0] = new FullDisk(FSDirectory.open(path)),
                analysis,
                JsonMapper.builder().build());
        IngestService ingest = new IngestService(
                new ArticleNormalizer(), new RawStore(dataDir), index, 10 << 20, 2, Clock.systemUTC());
        ingest.ingest(List.of(SyntheticCorpus.write(dataDir.resolve("first"), 0, 300)), false, IngestProgress.NONE);

        disk[0].budget.set(200_000);
        Path more = SyntheticCorpus.write(dataDir.resolve("more"), 300, 1_000);
        assertThatThrownBy(() -> ingest.ingest(List.of(more), false, IngestProgress.NONE))
                .isInstanceOf(SearchUnavailableException.class)
                .hasMessageContaining("cannot write the index at " + indexPath.toAbsolutePath())
                .hasMessageContaining("No space left on device")
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
            throw new java.io.UncheckedIOException(e);
        }
    }
}
