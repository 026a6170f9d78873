package org.newsarchive.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.cloud.Slice;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.SyntheticCorpus;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.ingest.FileOutcome;
import org.newsarchive.ingest.IngestProgress;
import org.newsarchive.ingest.IngestReport;
import org.newsarchive.ingest.IngestService;
import org.newsarchive.ingest.normalize.ArticleNormalizer;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchService;
import org.newsarchive.store.RawStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * A SolrCloud node stops in the middle of an ingest and of a stream of searches: searches keep being answered by
 * the replicas, the ingest completes with every article once its retries succeed, and the node, restarted,
 * recovers to the same counts as its peer.
 */
class SolrFailoverReliabilityTest {

    private static final int BEFORE = 200;
    private static final int DURING = 800;

    @TempDir
    Path workDir;

    private TestSolrCloud solr;
    private SearchService search;
    private IngestService ingest;

    @BeforeEach
    void startCluster() throws Exception {
        solr = new TestSolrCloud(workDir.resolve("solr"));
        ChineseAnalysis analysis = new ChineseAnalysis();
        JsonMapper json = JsonMapper.builder().build();
        search = new SolrSearchService(solr.collection, analysis, json);
        ingest = new IngestService(
                new ArticleNormalizer(),
                new RawStore(workDir.resolve("data")),
                new SolrArticleSink(solr.collection, analysis, json, TestSolrCloud.WRITE_RETRIES, 100),
                10 << 20,
                2,
                Clock.systemUTC());
    }

    @AfterEach
    void stopCluster() throws Exception {
        solr.close();
    }

    @Test
    void searchesAndAnIngestSurviveANodeStopAndTheNodeRecovers() throws Exception {
        IngestReport first = ingest.ingest(
                List.of(SyntheticCorpus.write(workDir.resolve("first"), 0, BEFORE)), false, IngestProgress.NONE);
        assertThat(first.count(FileOutcome.Status.INGESTED)).isEqualTo(BEFORE);

        AtomicBoolean searching = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        Semaphore answers = new Semaphore(0);
        AtomicReference<Throwable> searchFailure = new AtomicReference<>();
        CompletableFuture<Void> searches = CompletableFuture.runAsync(() -> {
            while (searching.get() && searchFailure.get() == null) {
                try {
                    assertThat(search.search(SearchRequest.of("美国")).total()).isPositive();
                    answered.incrementAndGet();
                    answers.release();
                } catch (Throwable e) {
                    searchFailure.set(e);
                }
            }
        });
        Path more = SyntheticCorpus.write(workDir.resolve("more"), BEFORE, DURING);
        CountDownLatch quarterDone = new CountDownLatch(1);
        CountDownLatch nodeStopped = new CountDownLatch(1);
        AtomicInteger filesDone = new AtomicInteger();
        IngestProgress stopsAtAQuarter = new IngestProgress() {
            @Override
            public void fileDone(FileOutcome outcome, long bytes) {
                if (filesDone.incrementAndGet() == DURING / 4) {
                    quarterDone.countDown();
                    await(nodeStopped);
                }
            }
        };
        CompletableFuture<IngestReport> during =
                CompletableFuture.supplyAsync(() -> ingest.ingest(List.of(more), false, stopsAtAQuarter));

        await(quarterDone);
        JettySolrRunner stopped = solr.cluster.stopJettySolrRunner(1);
        solr.cluster.waitForJettyToStop(stopped);
        assertThat(during)
                .as("the ingest was still running when the node stopped")
                .isNotDone();
        int answeredBeforeStop = answered.get();
        nodeStopped.countDown();

        IngestReport report = during.get(5, TimeUnit.MINUTES);
        answers.drainPermits();
        assertThat(answers.tryAcquire(10, 1, TimeUnit.MINUTES))
                .as("searches go on after the ingest")
                .isTrue();
        searching.set(false);
        searches.get(1, TimeUnit.MINUTES);

        assertThat(searchFailure.get())
                .as("a search failed while a node was down")
                .isNull();
        assertThat(answered.get()).isGreaterThan(answeredBeforeStop);
        assertThat(report.count(FileOutcome.Status.INGESTED)).isEqualTo(DURING);
        assertThat(search.search(SearchRequest.of("")).total()).isEqualTo(BEFORE + DURING);

        solr.cluster.startJettySolrRunner(stopped, true);
        solr.cluster.waitForNode(stopped, 60);
        solr.waitUntilActive();
        assertThat(search.search(SearchRequest.of("")).total()).isEqualTo(BEFORE + DURING);
        assertEveryReplicaHoldsItsShard();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(2, TimeUnit.MINUTES)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Each replica, asked alone, holds as many articles as the other replica of its shard. */
    private void assertEveryReplicaHoldsItsShard() throws Exception {
        var layout = solr.collection.client().getClusterState().getCollection(TestSolrCloud.COLLECTION);
        long total = 0;
        for (Slice shard : layout.getSlices()) {
            Long counted = null;
            for (Replica replica : shard.getReplicas()) {
                try (SolrClient node = SolrCollection.nodeClient(replica.getBaseUrl())) {
                    SolrQuery all = new SolrQuery("*:*").setRows(0);
                    all.set("distrib", false);
                    long count =
                            node.query(replica.getCoreName(), all).getResults().getNumFound();
                    if (counted == null) {
                        counted = count;
                        total += count;
                    }
                    assertThat(count).as(replica.getCoreName()).isEqualTo(counted);
                }
            }
        }
        assertThat(total).isEqualTo(BEFORE + DURING);
    }
}
