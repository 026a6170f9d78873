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
 */
@ConfigurationProperties("archive")
public record ArchiveProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("seeds") String seedsDir,
        @DefaultValue Ingest ingest) {

    /**
     * @param maxFileSize files larger than this are refused (their bytes are still kept)
     * @param threads parallel normalizer threads; 0 means one per core
     */
    public record Ingest(
            @DefaultValue("10MB") DataSize maxFileSize,
            @DefaultValue("0") int threads) {

        public int effectiveThreads() {
            return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        }
    }
}
