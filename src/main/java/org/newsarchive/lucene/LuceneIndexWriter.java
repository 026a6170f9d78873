package org.newsarchive.lucene;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.article.Article;
import org.newsarchive.ingest.ArticleSink;
import org.newsarchive.schema.ArticleFields;
import org.newsarchive.schema.IndexFields;
import org.newsarchive.schema.NearDuplicates;
import org.newsarchive.schema.OriginalStatuses;
import org.newsarchive.search.SearchUnavailableException;
import org.newsarchive.version.ArticleHistory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the on-disk article index: the one owner of its {@link IndexWriter}, and so of its write lock. Only the
 * processes that ingest (the server, {@code ingest}, {@code reindex}) open one; readers elsewhere use
 * {@link LuceneIndexReader#lastCommit}.
 *
 * <p>Articles are upserted by id; a batch becomes durable at {@link #commit()}, so a process killed mid-batch leaves
 * an index holding every earlier batch. {@link #reader()} reads near-real-time through this writer, so searches keep
 * working, and see progress, while an ingest runs; indexing threads never wait for a refresh. Stored fields use the
 * best-compression codec. Thread-safe.
 */
public final class LuceneIndexWriter implements ArticleSink, Closeable {

    private static final double RAM_BUFFER_MB = 64;

    private final Path directory;
    private final Directory store;
    private final IndexWriter writer;
    private final LuceneIndexReader reader;
    private final ArticleDocuments documents;
    private final ChineseAnalysis analysis;
    private final NearDuplicates nearDuplicates = new NearDuplicates();
    private final OriginalStatuses originals;

    /**
     * Opens (or creates) the index in {@code directory}.
     *
     * @throws SearchUnavailableException when another process holds the index, or it is unreadable
     */
    public LuceneIndexWriter(Path directory, ChineseAnalysis analysis, JsonMapper json) {
        this(directory, FSDirectory::open, analysis, json, OriginalStatuses.NONE_CHECKED);
    }

    /**
     * Opens (or creates) the index in {@code directory}, indexing each article's original with its status in
     * {@code originals}.
     */
    public LuceneIndexWriter(Path directory, ChineseAnalysis analysis, JsonMapper json, OriginalStatuses originals) {
        this(directory, FSDirectory::open, analysis, json, originals);
    }

    /**
     * Segments allowed per size tier before they are merged (Lucene's default is 10). Every search looks each of its
     * terms up in every segment, and term lookups were the largest cost of a search over 30-odd segments; the
     * archive is read far more than written, so it merges more eagerly. Measured on 20,000 corpus files: 12
     * segments instead of 18 for the same ingest time (176 s against 175 s).
     */
    private static final double SEGMENTS_PER_TIER = 4;

    /**
     * Opens the index through a Lucene {@link Directory} of the caller's choosing, such as one that simulates a
     * full disk.
     *
     * @param directory where the index lives, for messages
     */
    public LuceneIndexWriter(Path directory, DirectoryOpener opener, ChineseAnalysis analysis, JsonMapper json) {
        this(directory, opener, analysis, json, OriginalStatuses.NONE_CHECKED);
    }

    private LuceneIndexWriter(
            Path directory,
            DirectoryOpener opener,
            ChineseAnalysis analysis,
            JsonMapper json,
            OriginalStatuses originals) {
        this.directory = directory;
        this.originals = originals;
        this.documents = new ArticleDocuments(json);
        this.analysis = analysis;
        Directory opened = null;
        IndexWriter openedWriter = null;
        try {
            opened = opener.open(directory);
            IndexWriterConfig config = new IndexWriterConfig(analysis.indexAnalyzer(IndexFields.VIEWS))
                    .setCodec(new Lucene912Codec(Lucene912Codec.Mode.BEST_COMPRESSION))
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(RAM_BUFFER_MB)
                    .setMergePolicy(new TieredMergePolicy().setSegmentsPerTier(SEGMENTS_PER_TIER))
                    .setCommitOnClose(false);
            openedWriter = new IndexWriter(opened, config);
            this.reader = LuceneIndexReader.nearRealTime(directory, openedWriter, json);
        } catch (LockObtainFailedException locked) {
            closeQuietly(opened);
            throw LuceneFailures.locked(directory, locked);
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException corrupt) {
            closeQuietly(opened);
            throw LuceneFailures.unreadable(directory, corrupt);
        } catch (IOException e) {
            closeQuietly(openedWriter);
            closeQuietly(opened);
            throw LuceneFailures.unreadable(directory, e);
        }
        this.store = opened;
        this.writer = openedWriter;
        reader.withSearcher(searcher -> {
            try {
                StoryClusters.registerAll(searcher, nearDuplicates);
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the story clusters of " + directory, e);
            }
        });
    }

    /** Opens the Lucene directory that holds an index. */
    @FunctionalInterface
    public interface DirectoryOpener {
        Directory open(Path path) throws IOException;
    }

    /** The near-real-time reader of this writer: it sees every saved article within a second, and at each commit. */
    public LuceneIndexReader reader() {
        return reader;
    }

    @Override
    public Optional<ArticleHistory> history(String id) {
        return reader.storedHistory(id);
    }

    /** Saves an article with no other version, replacing what was kept of it. */
    public void save(Article article) {
        save(ArticleHistory.of(article));
    }

    @Override
    public void save(ArticleHistory history) {
        Article article = history.current();
        try {
            ArticleFields fields = ArticleFields.of(article, analysis, originals);
            String cluster = nearDuplicates.clusterFor(article.id(), fields.simhash());
            writer.updateDocument(
                    new Term(IndexFields.ID, article.id()), documents.toDocument(history, fields, cluster));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot index article " + article.id() + " in " + directory + ": " + e.getMessage(), e);
        } catch (AlreadyClosedException e) {
            throw stoppedWriting(e);
        }
    }

    /** Removes the article; true when it was there. Durable at the next commit. */
    public boolean delete(String id) {
        boolean present = reader.withDocument(id, (searcher, doc) -> true).orElse(false);
        try {
            writer.deleteDocuments(new Term(IndexFields.ID, id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete article " + id, e);
        }
        return present;
    }

    @Override
    public void makeVisible() {
        try {
            reader.refreshNow();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot refresh the index at " + directory + ": " + e.getMessage(), e);
        } catch (AlreadyClosedException e) {
            throw stoppedWriting(e);
        }
    }

    @Override
    public void commit() {
        try {
            writer.commit();
            reader.refreshNow();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the index at " + directory + ": " + e.getMessage(), e);
        } catch (AlreadyClosedException e) {
            throw stoppedWriting(e);
        }
    }

    private SearchUnavailableException stoppedWriting(AlreadyClosedException closed) {
        Throwable cause = writer.getTragicException() != null ? writer.getTragicException() : closed;
        return LuceneFailures.writesStopped(directory, cause);
    }

    /**
     * Removes every article, before a full rebuild. The near-real-time reader stops seeing them at its next refresh
     * (within a second); the index on disk keeps them until the next commit, so a rebuild killed midway leaves the
     * last committed archive.
     */
    @Override
    public void deleteAll() {
        try {
            writer.deleteAll();
            nearDuplicates.clear();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the index at " + directory, e);
        }
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        writer.rollback();
        store.close();
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (IOException ignored) {
                // Already failing; the original error is the one to report.
            }
        }
    }
}
