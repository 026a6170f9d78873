package org.newsarchive.lucene;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.newsarchive.article.Article;
import org.newsarchive.schema.IndexFields;
import org.newsarchive.search.SearchService;
import org.newsarchive.search.SearchUnavailableException;
import org.newsarchive.version.ArticleHistory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the on-disk article index: searchers, stored records, story clusters. It never writes and never takes the
 * index's write lock.
 *
 * <p>Two kinds exist. {@link #nearRealTime} reads through the process's own {@link LuceneIndexWriter}, so a server
 * sees what it ingests within {@value #REFRESH_MILLIS} ms, before the commit. It refreshes only while someone reads:
 * a refresh flushes the writer's buffer into a new small segment, which later merges must rewrite, so an ingest that
 * nobody searches (the command line's {@code ingest} and {@code reindex}) makes segments as large as its buffer. The
 * first search after {@value #IDLE_SECONDS} s without one sends the refresher to work at once, and reads the last
 * snapshot meanwhile; the writer's own reads ({@link #storedHistory}) do not count as reading. {@link #lastCommit} opens the last
 * commit of an index that another process may be writing, such as the shell's {@code search} beside a running
 * server; it follows later commits at the same pace, and an index that does not exist yet reads as empty until one
 * is committed. Searchers come from a {@link SearcherManager} and are released after each piece of work.
 * Thread-safe.
 */
public final class LuceneIndexReader implements Closeable {

    static final long REFRESH_MILLIS = 1000;
    /** Seconds without a search after which a near-real-time reader stops refreshing. */
    static final long IDLE_SECONDS = 10;

    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(IDLE_SECONDS);

    private final Path directory;
    private final Directory ownDirectory;
    private final ArticleDocuments documents;
    private final ScheduledExecutorService refresher;
    private final IndexSearcher empty;
    private volatile SearcherManager searchers;
    /** {@link System#nanoTime} of the last search; read by the refresher of a near-real-time reader. */
    private volatile long lastSearchNanos = System.nanoTime();

    private LuceneIndexReader(Path directory, Directory ownDirectory, SearcherManager searchers, JsonMapper json) {
        this.directory = directory;
        this.ownDirectory = ownDirectory;
        this.searchers = searchers;
        this.documents = new ArticleDocuments(json);
        this.empty = emptySearcher();
        this.refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "index-refresh");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refreshQuietly, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static IndexSearcher emptySearcher() {
        try {
            return new IndexSearcher(new MultiReader());
        } catch (IOException impossible) {
            throw new UncheckedIOException("an empty reader has nothing to read", impossible);
        }
    }

    /** Reads what {@code writer} has indexed, committed or not. Closing it leaves the writer open. */
    static LuceneIndexReader nearRealTime(Path directory, IndexWriter writer, JsonMapper json) throws IOException {
        return new LuceneIndexReader(directory, null, new SearcherManager(writer, null), json);
    }

    /**
     * Reads the last commit of the index in {@code directory}, whoever writes it.
     *
     * @throws SearchUnavailableException when the index there cannot be read
     */
    public static LuceneIndexReader lastCommit(Path directory, JsonMapper json) {
        Directory opened;
        try {
            opened = FSDirectory.open(directory);
        } catch (IOException e) {
            throw LuceneFailures.unreadable(directory, e);
        }
        try {
            return new LuceneIndexReader(directory, opened, openCommit(directory, opened), json);
        } catch (RuntimeException e) {
            try {
                opened.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** Searchers on the last commit in {@code store}, or null when nothing was committed there yet. */
    private static SearcherManager openCommit(Path directory, Directory store) {
        try {
            return DirectoryReader.indexExists(store) ? new SearcherManager(store, null) : null;
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException corrupt) {
            throw LuceneFailures.unreadable(directory, corrupt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index at " + directory, e);
        }
    }

    /**
     * Runs on the refresh thread only: follows new commits, and opens the first one of an index that had none, so
     * that searches never look for it themselves.
     */
    private void refreshQuietly() {
        if (ownDirectory == null && idle(System.nanoTime())) {
            return;
        }
        try {
            SearcherManager current = searchers;
            if (current == null && ownDirectory != null) {
                searchers = openCommit(directory, ownDirectory);
            } else if (current != null) {
                current.maybeRefresh();
            }
        } catch (IOException | RuntimeException e) {
            // The next refresh tries again; a search meanwhile reads the previous snapshot.
        }
    }

    /** Makes what the writer indexed so far visible to the next searcher, waiting for it; for near-real-time use. */
    void refreshNow() throws IOException {
        SearcherManager current = searchers;
        if (current != null) {
            current.maybeRefreshBlocking();
        }
    }

    /** Runs {@code work} with a current searcher, released afterwards whatever happens. */
    public <T> T withSearcher(Function<IndexSearcher, T> work) {
        long now = System.nanoTime();
        boolean wasIdle = idle(now);
        lastSearchNanos = now;
        if (wasIdle) {
            try {
                refresher.execute(this::refreshQuietly);
            } catch (RejectedExecutionException closed) {
                // Closing: the search below reads the last snapshot, or fails as a search on a closed reader does.
            }
        }
        return withCurrentSearcher(work);
    }

    private boolean idle(long now) {
        return now - lastSearchNanos > IDLE_NANOS;
    }

    private <T> T withCurrentSearcher(Function<IndexSearcher, T> work) {
        SearcherManager current = searchers;
        if (current == null) {
            return work.apply(empty);
        }
        IndexSearcher searcher;
        try {
            searcher = current.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a searcher on " + directory, e);
        }
        try {
            return work.apply(searcher);
        } finally {
            try {
                current.release(searcher);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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

    /**
     * The articles of documents of {@code searcher} without their text and HTML, in the order given, with their
     * text when {@code withText}. Summaries come from doc values; a document indexed before summaries were kept
     * is read whole. Documents are visited leaf by leaf in document order, as doc values require.
     */
    List<Article> summaries(IndexSearcher searcher, int[] docIds, boolean withText) throws IOException {
        StoredFields stored = searcher.storedFields();
        return InDocOrder.read(
                searcher,
                docIds,
                leaf -> leaf.getBinaryDocValues(IndexFields.SUMMARY),
                (BinaryDocValues summaries, int doc, int docId) -> {
                    if (summaries == null || !summaries.advanceExact(doc)) {
                        Article whole = article(searcher, docId);
                        return withText ? whole.withoutBody().withText(whole.text()) : whole.withoutBody();
                    }
                    Article summary = documents.toSummary(summaries.binaryValue());
                    return withText
                            ? summary.withText(stored.document(docId, BODY_ONLY).get(IndexFields.BODY))
                            : summary;
                });
    }

    private static final Set<String> BODY_ONLY = Set.of(IndexFields.BODY);

    /** Every version of the article with this id, oldest first; empty when unknown. */
    public Optional<ArticleHistory> history(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return withDocument(id, this::history);
    }

    /**
     * The versions of the article with this id as of the last refresh: what the writer merges a new copy into. It
     * does not keep the reader refreshing.
     */
    Optional<ArticleHistory> storedHistory(String id) {
        return withCurrentSearcher(searcher -> onDocument(searcher, id, this::history));
    }

    private ArticleHistory history(IndexSearcher searcher, int docId) throws IOException {
        return documents.toHistory(searcher.storedFields().document(docId, ArticleDocuments.HISTORY_FIELDS));
    }

    /**
     * Every article in the same cluster as the article with this id, itself included, without text and HTML;
     * empty when unknown.
     */
    public List<Article> copiesOf(String id) {
        return withDocument(id, (searcher, doc) -> {
                    String cluster = StoryClusters.clusterOf(searcher, doc);
                    if (cluster == null) {
                        return summaries(searcher, new int[] {doc}, false);
                    }
                    TermQuery sameCluster = new TermQuery(new Term(IndexFields.CLUSTER, cluster));
                    ScoreDoc[] copies = searcher.search(sameCluster, SearchService.MAX_COPIES).scoreDocs;
                    return summaries(
                            searcher,
                            Arrays.stream(copies).mapToInt(copy -> copy.doc).toArray(),
                            false);
                })
                .orElse(List.of());
    }

    /** Work on one document of a searcher. */
    @FunctionalInterface
    interface DocumentWork<T> {
        T apply(IndexSearcher searcher, int docId) throws IOException;
    }

    /** Runs {@code work} on the document with this id under a current searcher; empty when no article has the id. */
    <T> Optional<T> withDocument(String id, DocumentWork<T> work) {
        return withSearcher(searcher -> onDocument(searcher, id, work));
    }

    private static <T> Optional<T> onDocument(IndexSearcher searcher, String id, DocumentWork<T> work) {
        try {
            TopDocs hits = searcher.search(new TermQuery(new Term(IndexFields.ID, id)), 1);
            return hits.scoreDocs.length == 0
                    ? Optional.empty()
                    : Optional.ofNullable(work.apply(searcher, hits.scoreDocs[0].doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes the index takes on disk. */
    public long sizeInBytes() {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(directory)) {
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
        try {
            refresher.awaitTermination(REFRESH_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        SearcherManager current = searchers;
        if (current != null) {
            current.close();
        }
        if (ownDirectory != null) {
            ownDirectory.close();
        }
    }
}
