package org.newsarchive.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.newsarchive.ingest.IngestProgress;
import org.newsarchive.ingest.IngestReport;
import org.newsarchive.ingest.IngestService;
import org.newsarchive.search.SearchRequest;
import org.newsarchive.search.SearchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * When the server starts on an empty archive, ingests the seed documents so that there is something to read. It runs
 * once every bean is made and before the web server opens its port, so that no reader is ever told that the archive
 * is empty while the seeds are still being read.
 */
@Component
@ConditionalOnWebApplication
class SeedLoader implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

    private final ArchiveProperties properties;
    private final SearchService search;
    private final IngestService ingestService;

    SeedLoader(ArchiveProperties properties, SearchService search, IngestService ingestService) {
        this.properties = properties;
        this.search = search;
        this.ingestService = ingestService;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (properties.seedsDir() == null
                || properties.seedsDir().isBlank()
                || search.search(SearchRequest.of("")).total() > 0) {
            return;
        }
        Path seeds = Path.of(properties.seedsDir());
        if (!Files.isDirectory(seeds)) {
            log.info("No seed folder at {}; the archive starts empty", seeds.toAbsolutePath());
            return;
        }
        IngestReport report = ingestService.ingest(List.of(seeds), false, IngestProgress.NONE);
        log.info("Ingested seed documents from {}: {}", seeds.toAbsolutePath(), report.summary());
    }
}
