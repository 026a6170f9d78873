package org.newsarchive.solr;

import java.io.IOException;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.request.CoreAdminRequest;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.util.NamedList;
import org.newsarchive.search.SearchUnavailableException;
import org.newsarchive.search.SearchUnavailableException.Reason;

/**
 * Reads how much disk a collection takes: the index size of every replica, asked of each replica's node through
 * the core admin API, summed. A replica that is down counts 0. Thread-safe.
 */
final class SolrIndexSize {

    private final SolrCollection collection;

    SolrIndexSize(SolrCollection collection) {
        this.collection = collection;
    }

    long bytes() {
        DocCollection layout = collection.client().getClusterState().getCollectionOrNull(collection.name());
        if (layout == null) {
            throw new SearchUnavailableException(
                    Reason.MISSING_COLLECTION,
                    "SolrCloud has no collection " + collection.name()
                            + "; create it with: java -jar target/news-archive.jar solr-setup",
                    null);
        }
        long bytes = 0;
        for (Replica replica : layout.getReplicas()) {
            bytes += replicaBytes(replica);
        }
        return bytes;
    }

    /** The replica's index size; 0 for a replica that is down, whose space cannot be measured now. */
    private static long replicaBytes(Replica replica) {
        String core = replica.getCoreName();
        SolrClient node = SolrCollection.nodeClient(replica.getBaseUrl());
        try {
            Long size = SolrCollection.READS.run(
                    "report the size of " + core,
                    () -> sizeOf(CoreAdminRequest.getStatus(core, node).getCoreStatus(core)));
            return size == null ? 0 : size;
        } catch (SearchUnavailableException nodeDown) {
            return 0;
        } finally {
            closeQuietly(node);
        }
    }

    /** The size was read, or not; a client that fails to close changes neither. */
    private static void closeQuietly(SolrClient node) {
        try {
            node.close();
        } catch (IOException ignored) {
            // Nothing was lost.
        }
    }

    private static Long sizeOf(NamedList<Object> coreStatus) {
        Object index = coreStatus == null ? null : coreStatus.get("index");
        Object size = index instanceof NamedList<?> info ? info.get("sizeInBytes") : null;
        return size instanceof Number number ? number.longValue() : null;
    }
}
