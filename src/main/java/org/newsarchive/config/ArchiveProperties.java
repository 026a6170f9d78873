package org.newsarchive.config;

import java.nio.file.Path;
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
 */
@ConfigurationProperties("archive")
public record ArchiveProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("seeds") String seedsDir,
        @DefaultValue Ingest ingest,
        @DefaultValue Web web,
        @DefaultValue Search search,
        String adminToken) {

    /**
     * @param maxFileSize files larger than this are refused (their bytes are still kept)
     * @param threads parallel normalizer threads; 0 means one per core
     * @param watchDir a folder the server ingests new and changed files from, within seconds; unset for none
     */
    public record Ingest(
            @DefaultValue("10MB") DataSize maxFileSize,
            @DefaultValue("0") int threads,
            Path watchDir) {

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
