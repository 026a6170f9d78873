package org.newsarchive.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.article.Article;
import org.newsarchive.ingest.ArticleSink;
import tools.jackson.databind.json.JsonMapper;

/**
 * The on-disk article index: the one owner of the {@link IndexWriter}.
 *
 * <p>Articles are upserted by id; a batch becomes durable at {@link #commit()}, so a process killed mid-batch leaves
 * an index holding every earlier batch. Searchers are near-real-time from a {@link SearcherManager}, refreshed after
 * each commit and, by a background thread, every {@value #REFRESH_MILLIS} ms while there are changes, so searches
 * keep working, and see progress, while an ingest runs; indexing threads never wait for a refresh. Stored fields use
 * the best-compression codec. Thread-safe.
 */
public final class ArticleIndex implements ArticleSink, Closeable {

    private static final long REFRESH_MILLIS = 1000;
    private static final int MAX_COPIES = 1000;
    private static final double RAM_BUFFER_MB = 64;

    private final Path directory;
    private final Directory store;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ArticleDocuments documents;
    private final ChineseAnalysis analysis;
    private final NearDuplicates nearDuplicates = new NearDuplicates();
    private final java.util.concurrent.ScheduledExecutorService refresher;

    /**
     * Opens (or creates) the index in {@code directory}.
     *
     * @throws IndexUnavailableException when another process holds the index, or it is corrupt
     */
    public ArticleIndex(Path directory, ChineseAnalysis analysis, JsonMapper json) {
        this(directory, ArticleIndex::openDirectory, analysis, json);
    }

    /**
     * Opens the index through a Lucene {@link Directory} of the caller's choosing, such as one that simulates a
     * full disk.
     *
     * @param directory where the index lives, for messages
     */
    public ArticleIndex(Path directory, DirectoryOpener opener, ChineseAnalysis analysis, JsonMapper json) {
        this.directory = directory;
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
                    .setCommitOnClose(false);
            openedWriter = new IndexWriter(opened, config);
            this.searchers = new SearcherManager(openedWriter, null);
        } catch (LockObtainFailedException locked) {
            closeQuietly(opened);
            throw new IndexUnavailableException(
                    "the index at " + directory.toAbsolutePath()
                            + " is locked by another process; stop the other archive process, or ingest through it",
                    locked);
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException corrupt) {
            closeQuietly(opened);
            throw corrupt(corrupt);
        } catch (IOException e) {
            closeQuietly(openedWriter);
            closeQuietly(opened);
            throw new IndexUnavailableException("cannot open the index at " + directory.toAbsolutePath() + ": " + e, e);
        }
        this.store = opened;
        this.writer = openedWriter;
        this.refresher = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "index-refresh");
            thread.setDaemon(true);
            return thread;
        });
        withSearcher(searcher -> {
            try {
                nearDuplicates.load(searcher);
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the story clusters of " + directory, e);
            }
        });
        refresher.scheduleWithFixedDelay(
                this::refreshQuietly, REFRESH_MILLIS, REFRESH_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Opens the Lucene directory that holds an index. */
    @FunctionalInterface
    public interface DirectoryOpener {
        Directory open(Path path) throws IOException;
    }

    private static Directory openDirectory(Path path) throws IOException {
        return FSDirectory.open(path);
    }

    private void refreshQuietly() {
        try {
            searchers.maybeRefresh();
        } catch (IOException | RuntimeException e) {
            // The next commit refreshes again and reports its own failure.
        }
    }

    @Override
    public boolean holdsSame(Article article) {
        return withDocument(article.id(), (searcher, doc) -> {
                    Document stored = searcher.storedFields().document(doc, java.util.Set.of(IndexFields.SHA256));
                    return article.provenance().sha256().equals(stored.get(IndexFields.SHA256));
                })
                .orElse(false);
    }

    @Override
    public void save(Article article) {
        try {
            ArticleFields fields = ArticleFields.of(article, analysis);
            String cluster = nearDuplicates.clusterFor(article.id(), fields.simhash());
            writer.updateDocument(
                    new Term(IndexFields.ID, article.id()), documents.toDocument(article, fields, cluster));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot index article " + article.id() + " in " + directory + ": " + e.getMessage(), e);
        } catch (AlreadyClosedException e) {
            throw stoppedWriting(e);
        }
    }

    /** Removes the article; true when it was there. */
    public boolean delete(String id) {
        boolean present = withDocument(id, (searcher, doc) -> true).orElse(false);
        try {
            writer.deleteDocuments(new Term(IndexFields.ID, id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete article " + id, e);
        }
        return present;
    }

    @Override
    public void commit() {
        try {
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the index at " + directory + ": " + e.getMessage(), e);
        } catch (AlreadyClosedException e) {
            throw stoppedWriting(e);
        }
    }

    /**
     * The writer closed itself after a failure it cannot recover from, such as a full disk: what was committed
     * before stays on disk, intact; nothing more can be written until the archive is reopened.
     */
    private IndexUnavailableException stoppedWriting(AlreadyClosedException closed) {
        Throwable cause = writer.getTragicException() != null ? writer.getTragicException() : closed;
        return new IndexUnavailableException(
                "cannot write the index at " + directory.toAbsolutePath() + " any more: " + cause.getMessage()
                        + "; everything committed before is intact. Fix the cause (free disk space), then run the"
                        + " same ingest again",
                cause);
    }

    /** Removes every article (before a full rebuild). Takes effect at the next commit. */
    @Override
    public void deleteAll() {
        try {
            writer.deleteAll();
            nearDuplicates.clear();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the index at " + directory, e);
        }
    }

    public Optional<Article> find(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return withDocument(id, this::article);
    }

    /** Reads the stored record of a document of {@code searcher}. */
    public Article article(IndexSearcher searcher, int docId) throws IOException {
        return documents.toArticle(searcher.storedFields().document(docId, ArticleDocuments.STORED_FIELDS));
    }

    /** Runs {@code work} with a current searcher, released afterwards whatever happens. */
    public <T> T withSearcher(Function<IndexSearcher, T> work) {
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a searcher on " + directory, e);
        }
        try {
            return work.apply(searcher);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Every article in the same cluster as the article with this id, itself included; empty when unknown. */
    public java.util.List<Article> copiesOf(String id) {
        return withDocument(id, (searcher, doc) -> {
                    String cluster = clusterOf(searcher, doc);
                    if (cluster == null) {
                        return java.util.List.of(article(searcher, doc));
                    }
                    java.util.List<Article> copies = new java.util.ArrayList<>();
                    TermQuery sameCluster = new TermQuery(new Term(IndexFields.CLUSTER, cluster));
                    for (var copy : searcher.search(sameCluster, MAX_COPIES).scoreDocs) {
                        copies.add(article(searcher, copy.doc));
                    }
                    return copies;
                })
                .orElse(java.util.List.of());
    }

    /** Work on one document of a searcher. */
    @FunctionalInterface
    private interface DocumentWork<T> {
        T apply(IndexSearcher searcher, int docId) throws IOException;
    }

    /** Runs {@code work} on the document with this id under a current searcher; empty when no article has the id. */
    private <T> Optional<T> withDocument(String id, DocumentWork<T> work) {
        return withSearcher(searcher -> {
            try {
                TopDocs hits = searcher.search(new TermQuery(new Term(IndexFields.ID, id)), 1);
                return hits.scoreDocs.length == 0
                        ? Optional.empty()
                        : Optional.ofNullable(work.apply(searcher, hits.scoreDocs[0].doc));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** For each document, how many articles share its cluster (itself included), as of the last refresh. */
    public int[] copyCounts(IndexSearcher searcher, int[] docIds) throws IOException {
        return StoryClusters.copyCounts(searcher, docIds);
    }

    /** The cluster id of a document, or null. */
    public String clusterOf(IndexSearcher searcher, int docId) throws IOException {
        return StoryClusters.clusterOf(searcher, docId);
    }

    /** Bytes the index takes on disk. */
    public long sizeInBytes() {
        try (java.util.stream.Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> {
                        try {
                            return Files.size(file);
                        } catch (IOException vanishedDuringAMerge) {
                            return 0;
                        }
                    })
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the index directory " + directory, e);
        }
    }

    /** Articles in the index as of the last refresh. */
    public int count() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() throws IOException {
        refresher.shutdownNow();
        searchers.close();
        writer.rollback();
        store.close();
    }

    private IndexUnavailableException corrupt(Exception cause) {
        return new IndexUnavailableException(
                "the index at " + directory.toAbsolutePath() + " is unreadable (" + cause.getMessage()
                        + "); rebuild it from the raw store with: java -jar target/news-archive.jar reindex",
                cause);
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
