package org.newsarchive.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The archive's settings ({@code archive.*}).
 *
 * @param dataDir where the raw store and the records live
 * @param seedsDir files ingested at startup by {@code serve} when the archive is empty; blank to disable
 * @param ingest ingestion limits
 * @param web how the reading pages behave
 * @param search search tuning
 * @param adminToken the bearer token that {@code POST /api/ingest} requires; when unset, the API accepts no writes
 * @param backend where articles are indexed and searched: the embedded Lucene index, or a SolrCloud collection
 * @param solr how to reach SolrCloud, for {@code backend=solr}
 * @param capture how the archive fetches an article's images and checks its original
 */
@ConfigurationProperties("archive")
public record ArchiveProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("seeds") String seedsDir,
        @DefaultValue Ingest ingest,
        @DefaultValue Web web,
        @DefaultValue Search search,
        String adminToken,
        @DefaultValue("lucene") Backend backend,
        @DefaultValue Solr solr,
        @DefaultValue Capture capture) {

    /**
     * How the archive fetches from other hosts: the images of its articles and their originals. Every fetch is a
     * capture, kept in WARC files under {@code DATA_DIR/captures}.
     *
     * @param onIngest whether an ingest also captures the new articles' images; off, so that the archive contacts no
     *     third party unless asked
     * @param allowAddresses CIDR blocks opened on any port although they are loopback, private or reserved; empty
     *     (the default) outside tests
     * @param ports the ports fetched on public addresses
     * @param maxBody bodies longer than this are cut and the capture recorded as refused
     * @param connectTimeout the longest wait for a connection
     * @param fetchTimeout the longest a whole fetch (one request and its body) may take
     * @param hostDelay the pause between two requests to one host
     * @param maxRetryAfter the longest {@code Retry-After} waited for once before a capture is recorded failed
     * @param contact the URL named in the User-Agent, where a site's operator can learn about the archive
     * @param threads captures made at once (never two to one host)
     * @param warcFileSize a WARC file is closed and a new one begun when it grows past this
     * @param goneAfter how far apart two checks that find an original gone must be for it to count as gone
     */
    public record Capture(
            @DefaultValue("false") boolean onIngest,
            List<String> allowAddresses,
            @DefaultValue({"80", "443"}) List<Integer> ports,
            @DefaultValue("20MB") DataSize maxBody,
            @DefaultValue("10s") Duration connectTimeout,
            @DefaultValue("60s") Duration fetchTimeout,
            @DefaultValue("1s") Duration hostDelay,
            @DefaultValue("120s") Duration maxRetryAfter,

            @DefaultValue("https://github.com/news-archive/news-archive")
            String contact,

            @DefaultValue("4") int threads,
            @DefaultValue("1GB") DataSize warcFileSize,
            @DefaultValue("24h") Duration goneAfter) {

        public Capture {
            allowAddresses = allowAddresses == null ? List.of() : List.copyOf(allowAddresses);
            ports = ports == null ? List.of(80, 443) : List.copyOf(ports);
        }
    }

    /** The search engine behind the archive. */
    public enum Backend {
        /** The embedded Lucene index under the data directory: one machine, nothing else to run. */
        LUCENE,
        /** A SolrCloud collection: shards and replicas across machines. */
        SOLR
    }

    /**
     * @param zkHosts ZooKeeper hosts ({@code host:port}) of the SolrCloud cluster; preferred over {@code urls}
     * @param zkChroot the cluster's ZooKeeper chroot, such as {@code /solr}; blank for none
     * @param urls base URLs of any Solr nodes ({@code http://host:8983/solr}), when ZooKeeper is not reachable
     * @param collection the collection holding the articles
     * @param batchSize articles sent to Solr per update request
     * @param retries tries of each update before it is reported failed
     * @param retryBackoff the wait after the first failure; it doubles after each one, up to {@code maxRetryBackoff}
     * @param maxRetryBackoff the longest wait between two tries
     */
    public record Solr(
            List<String> zkHosts,
            String zkChroot,
            List<String> urls,
            @DefaultValue("news-archive") String collection,
            @DefaultValue("500") int batchSize,
            @DefaultValue("10") int retries,
            @DefaultValue("250ms") Duration retryBackoff,
            @DefaultValue("10s") Duration maxRetryBackoff) {

        public Solr {
            zkHosts = zkHosts == null ? List.of() : List.copyOf(zkHosts);
            urls = urls == null ? List.of() : List.copyOf(urls);
        }
    }

    /**
     * @param maxFileSize files larger than this are refused (their bytes are still kept)
     * @param threads parallel normalizer threads; 0 means one per core
     * @param watchDir a folder the server ingests new and changed files from, within seconds; unset for none
     * @param commitEvery files between the intermediate commits of a batch: a killed ingest keeps what it committed
     * @param syncMaxFiles the most files an upload to {@code POST /api/ingest} may hold to be answered with its report
     *     when the client does not say {@code async}; a larger one is answered at once with a job to follow
     */
    public record Ingest(
            @DefaultValue("10MB") DataSize maxFileSize,
            @DefaultValue("0") int threads,
            Path watchDir,
            @DefaultValue("10000") int commitEvery,
            @DefaultValue("500") int syncMaxFiles) {

        public int effectiveThreads() {
            return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        }
    }

    /**
     * @param remoteImages whether article images, which all live on third-party hosts, are shown, loaded on a
     *     click, or hidden: a reader's browser contacting those hosts can reveal what they read
     */
    public record Web(@DefaultValue("click") RemoteImages remoteImages) {}

    /**
     * @param cachedResults result pages kept for searches repeated on an unchanged index (each a few tens of
     *     kilobytes); 0 turns the cache off
     */
    public record Search(@DefaultValue("500") int cachedResults) {}

    /** What the reading page does with images hosted elsewhere. */
    public enum RemoteImages {
        /** Loaded with the page, lazily and without a referrer. */
        SHOW,
        /** Replaced by a link; the image loads only when the reader asks for it. */
        CLICK,
        /** Not loaded and not linked; the caption stays. */
        HIDE
    }
}
