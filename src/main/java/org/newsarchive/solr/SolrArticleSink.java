package org.newsarchive.solr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.article.Article;
import org.newsarchive.ingest.ArticleSink;
import org.newsarchive.schema.ArticleFields;
import org.newsarchive.schema.IndexFields;
import org.newsarchive.schema.NearDuplicates;
import org.newsarchive.schema.OriginalStatuses;
import org.newsarchive.search.SearchUnavailableException;
import org.newsarchive.version.ArticleHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ingestion into SolrCloud: articles are sent in batches of {@code batchSize}, each retried with backoff
 * ({@link Retries}) while a node is down or a shard elects a new leader.
 *
 * <p>Nothing acknowledged is lost: an article counts as stored only once {@link #commit()} has returned, and a batch
 * that cannot be sent stays queued for the next commit, which fails (and so fails the ingest) only when the retries
 * run out. Batches are sent in the order they filled up, so when one article is saved twice the later copy wins, as
 * in the embedded index. Copies of a story get their cluster from {@link NearDuplicates}, loaded from the collection
 * when the sink opens. Thread-safe: ingest threads fill the next batch while one is being sent.
 */
public final class SolrArticleSink implements ArticleSink {

    private static final Logger log = LoggerFactory.getLogger(SolrArticleSink.class);
    private static final int LOAD_PAGE = 5_000;

    private final SolrCollection collection;
    private final SolrDocuments documents;
    private final ChineseAnalysis analysis;
    private final Retries retries;
    private final int batchSize;
    private final OriginalStatuses originals;
    private final NearDuplicates nearDuplicates = new NearDuplicates();
    private volatile boolean clustersLoaded;

    private final Object filling = new Object();
    private List<SolrInputDocument> pending = new ArrayList<>();

    private final ReentrantLock sending = new ReentrantLock(true);
    /** Documents whose sending failed, sent again first; guarded by {@link #sending}. */
    private final List<SolrInputDocument> unsent = new ArrayList<>();

    public SolrArticleSink(
            SolrCollection collection, ChineseAnalysis analysis, JsonMapper json, Retries retries, int batchSize) {
        this(collection, analysis, json, retries, batchSize, OriginalStatuses.NONE_CHECKED);
    }

    /** A sink that indexes each article's original with its status in {@code originals}. */
    public SolrArticleSink(
            SolrCollection collection,
            ChineseAnalysis analysis,
            JsonMapper json,
            Retries retries,
            int batchSize,
            OriginalStatuses originals) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
        this.collection = collection;
        this.documents = new SolrDocuments(json);
        this.analysis = analysis;
        this.retries = retries;
        this.batchSize = batchSize;
        this.originals = originals;
    }

    /**
     * Registers every indexed article's fingerprint and cluster, paging through the collection by id; once, at the
     * sink's first use (not at startup, so that {@code solr-setup} can run before the collection exists). A missing
     * collection fails here, with a message that says how to create it.
     */
    private void loadClustersOnce() {
        if (clustersLoaded) {
            return;
        }
        synchronized (nearDuplicates) {
            if (!clustersLoaded) {
                loadClusters();
                clustersLoaded = true;
            }
        }
    }

    private void loadClusters() {
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            SolrQuery query = new SolrQuery("*:*")
                    .setFields(IndexFields.SIMHASH, IndexFields.CLUSTER)
                    .setRows(LOAD_PAGE)
                    .setSort(IndexFields.ID, SolrQuery.ORDER.asc);
            query.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse page = collection.query("read the story clusters", query);
            for (SolrDocument document : page.getResults()) {
                Object simhash = document.getFirstValue(IndexFields.SIMHASH);
                Object cluster = document.getFirstValue(IndexFields.CLUSTER);
                if (simhash != null && cluster != null) {
                    nearDuplicates.registerIndexed(((Number) simhash).longValue(), cluster.toString());
                }
            }
            if (cursor.equals(page.getNextCursorMark())) {
                return;
            }
            cursor = page.getNextCursorMark();
        }
    }

    /**
     * Reads the committed or just-sent versions of the article (Solr's real-time get), with the ingest's patience:
     * a node down makes the ingest wait, not fail the file.
     */
    @Override
    public Optional<ArticleHistory> history(String id) {
        loadClustersOnce();
        ModifiableSolrParams fields = new ModifiableSolrParams().set("fl", SolrDocuments.HISTORY_FIELDS);
        SolrDocument stored =
                retries.run("read article " + id, () -> collection.client().getById(collection.name(), id, fields));
        return Optional.ofNullable(stored).map(documents::toHistory);
    }

    @Override
    public void save(ArticleHistory history) {
        loadClustersOnce();
        Article article = history.current();
        ArticleFields fields = ArticleFields.of(article, analysis, originals);
        String cluster = nearDuplicates.clusterFor(article.id(), fields.simhash());
        SolrInputDocument document = documents.toDocument(history, fields, cluster);
        List<SolrInputDocument> full = null;
        synchronized (filling) {
            pending.add(document);
            if (pending.size() >= batchSize) {
                full = pending;
                pending = new ArrayList<>(batchSize);
            }
        }
        if (full != null) {
            send(full, false);
        }
    }

    /**
     * Sends {@code batch} after any earlier batch that failed.
     *
     * @param mustSucceed whether a failure after the retries is thrown (at commit) or left for the next commit
     */
    private void send(List<SolrInputDocument> batch, boolean mustSucceed) {
        sending.lock();
        try {
            unsent.addAll(batch);
            if (unsent.isEmpty()) {
                return;
            }
            try {
                retries.run(
                        "store " + unsent.size() + " articles",
                        () -> collection.client().add(collection.name(), unsent));
            } catch (SolrException refused) {
                if (collection.missingCollection(refused) instanceof SearchUnavailableException missing) {
                    throw missing;
                }
                sendOneByOne();
            } catch (RuntimeException unavailable) {
                if (mustSucceed) {
                    throw unavailable;
                }
                log.warn("{} articles are queued for the next commit: {}", unsent.size(), unavailable.getMessage());
                return;
            }
            unsent.clear();
        } finally {
            sending.unlock();
        }
    }

    /**
     * Solr refused a batch as bad: sends its documents one at a time, so that one bad article (a value too long to
     * index, say) costs only itself. Its file's bytes are in the raw store all the same.
     */
    private void sendOneByOne() {
        for (SolrInputDocument document : unsent) {
            try {
                retries.run(
                        "store article " + document.getFieldValue(IndexFields.ID),
                        () -> collection.client().add(collection.name(), document));
            } catch (SolrException refused) {
                log.warn("Solr refused article {}: {}", document.getFieldValue(IndexFields.ID), refused.getMessage());
            }
        }
    }

    /** Sends what is queued: Solr's real-time get sees a document once it is sent, before any commit. */
    @Override
    public void makeVisible() {
        List<SolrInputDocument> rest;
        synchronized (filling) {
            rest = pending;
            pending = new ArrayList<>(batchSize);
        }
        send(rest, true);
    }

    @Override
    public void deleteAll() {
        synchronized (filling) {
            pending = new ArrayList<>(batchSize);
        }
        sending.lock();
        try {
            unsent.clear();
            retries.run("remove every article", () -> collection.client().deleteByQuery(collection.name(), "*:*"));
            synchronized (nearDuplicates) {
                nearDuplicates.clear();
                clustersLoaded = true;
            }
        } finally {
            sending.unlock();
        }
    }

    /**
     * Sends what is queued and commits, with retries: when this returns, every article saved before is durable on
     * the shard leaders and searchable.
     */
    @Override
    public void commit() {
        loadClustersOnce();
        List<SolrInputDocument> rest;
        synchronized (filling) {
            rest = pending;
            pending = new ArrayList<>(batchSize);
        }
        sending.lock();
        try {
            send(rest, true);
            retries.run("commit", () -> collection.client().commit(collection.name(), true, true));
        } finally {
            sending.unlock();
        }
    }
}
