package org.newsarchive.solr;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.impl.CloudLegacySolrClient;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.HttpSolrClient;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrException;
import org.newsarchive.search.SearchUnavailableException;

/**
 * The archive's collection on a SolrCloud cluster, and the one client that reaches it.
 *
 * <p>The client is SolrJ's {@link CloudSolrClient} over Apache HttpClient ({@link CloudLegacySolrClient}), so the
 * archive carries no Jetty: it reads the cluster's layout from ZooKeeper (or from any node), sends updates to shard
 * leaders, and moves on to another replica when a node does not answer. Reads are tried a few times
 * ({@link #READS}); writes use the patience the caller configures. Thread-safe.
 */
public final class SolrCollection implements Closeable {

    /** Searches fail fast: a reader waits seconds at most, while a replica takes over. */
    static final Retries READS = new Retries(4, Duration.ofMillis(100), Duration.ofSeconds(1));

    private final CloudSolrClient client;
    private final String name;

    public SolrCollection(CloudSolrClient client, String name) {
        this.client = client;
        this.name = name;
    }

    /**
     * Connects to a cluster through ZooKeeper ({@code zkHosts}, with an optional chroot such as {@code /solr}), or,
     * when no ZooKeeper host is given, through any of its nodes ({@code urls}, such as
     * {@code http://solr1:8983/solr}).
     *
     * @throws SearchUnavailableException when neither is given
     */
    public static SolrCollection connect(List<String> zkHosts, String zkChroot, List<String> urls, String name) {
        CloudLegacySolrClient.Builder builder;
        if (!zkHosts.isEmpty()) {
            builder = new CloudLegacySolrClient.Builder(
                            zkHosts, Optional.ofNullable(zkChroot).filter(chroot -> !chroot.isBlank()))
                    .withZkConnectTimeout(15, TimeUnit.SECONDS)
                    .withZkClientTimeout(30, TimeUnit.SECONDS);
        } else if (!urls.isEmpty()) {
            builder = new CloudLegacySolrClient.Builder(urls);
        } else {
            throw new SearchUnavailableException(
                    SearchUnavailableException.Reason.NOT_CONFIGURED,
                    "SolrCloud is not configured: the solr backend needs archive.solr.zk-hosts (ZooKeeper,"
                            + " host:port,...) or archive.solr.urls (any Solr node, http://host:8983/solr,...)",
                    null);
        }
        CloudSolrClient client = builder.sendUpdatesOnlyToShardLeaders().build();
        return new SolrCollection(client, name);
    }

    public String name() {
        return name;
    }

    public CloudSolrClient client() {
        return client;
    }

    /** Runs a query on the collection, retried as {@link #READS}; POSTed, so long queries fit. */
    QueryResponse query(String what, SolrQuery query) {
        try {
            return READS.run(what, () -> client.query(name, query, SolrRequest.METHOD.POST));
        } catch (SolrException e) {
            throw missingCollection(e);
        }
    }

    /**
     * What to throw for a request Solr refused: when the refusal is that the collection does not exist, an
     * {@link SearchUnavailableException} that says how to create it, since no retry or other document can succeed;
     * otherwise the refusal itself.
     */
    RuntimeException missingCollection(SolrException refused) {
        if (String.valueOf(refused.getMessage()).contains("Collection not found")) {
            return new SearchUnavailableException(
                    SearchUnavailableException.Reason.MISSING_COLLECTION,
                    "SolrCloud has no collection " + name + "; create it with: java -jar news-archive.jar"
                            + " solr-setup (with the same archive.solr.* settings)",
                    refused);
        }
        return refused;
    }

    /** A SolrJ client for one node, for requests that must reach every core, such as their sizes. */
    static SolrClient nodeClient(String baseUrl) {
        return new HttpSolrClient.Builder(baseUrl).build();
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
