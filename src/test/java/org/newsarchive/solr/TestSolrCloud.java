package org.newsarchive.solr;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;

/**
 * A real SolrCloud in this JVM: {@value #NODES} Jetty nodes and an embedded ZooKeeper (Solr's test framework), with
 * the archive's collection created by {@link SolrSetup} as an operator would, {@value #SHARDS} shards ×
 * {@value #REPLICAS} replicas. The archive reaches it through ZooKeeper with its own client, as in production.
 */
final class TestSolrCloud implements AutoCloseable {

    static final int NODES = 2;
    static final int SHARDS = 2;
    static final int REPLICAS = 2;
    static final String COLLECTION = "news-archive";
    /** Patient enough for a shard to elect a new leader after a node stops. */
    static final Retries WRITE_RETRIES = new Retries(12, Duration.ofMillis(250), Duration.ofSeconds(4));

    final MiniSolrCloudCluster cluster;
    final SolrCollection collection;

    TestSolrCloud(Path baseDir) throws Exception {
        cluster = new MiniSolrCloudCluster(NODES, baseDir, JettyConfig.builder().build());
        collection = SolrCollection.connect(List.of(cluster.getZkServer().getZkAddress()), null, List.of(), COLLECTION);
        SolrSetup.run(collection, COLLECTION, SHARDS, REPLICAS);
        waitUntilActive();
    }

    void waitUntilActive() {
        cluster.waitForActiveCollection(COLLECTION, 60, TimeUnit.SECONDS, SHARDS, SHARDS * REPLICAS);
    }

    @Override
    public void close() throws Exception {
        try {
            collection.close();
        } finally {
            cluster.shutdown();
        }
    }
}
