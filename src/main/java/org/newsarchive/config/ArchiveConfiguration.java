package org.newsarchive.config;

import java.nio.file.Path;
import java.time.Clock;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.ingest.ArticleSink;
import org.newsarchive.ingest.IngestService;
import org.newsarchive.ingest.WatchedFolder;
import org.newsarchive.ingest.job.IngestJobs;
import org.newsarchive.ingest.normalize.ArticleNormalizer;
import org.newsarchive.original.OriginalFiles;
import org.newsarchive.representation.ArticleExport;
import org.newsarchive.representation.CaptureView;
import org.newsarchive.search.SearchService;
import org.newsarchive.search.TermMarker;
import org.newsarchive.store.RawStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import tools.jackson.databind.json.JsonMapper;

/** Wires the archive's services from {@link ArchiveProperties}. */
@Configuration(proxyBeanMethods = false)
class ArchiveConfiguration {

    private static final long WATCH_INTERVAL_MILLIS = 1_000;

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ChineseAnalysis chineseAnalysis() {
        return new ChineseAnalysis();
    }

    @Bean
    ArticleNormalizer articleNormalizer() {
        return new ArticleNormalizer();
    }

    /**
     * The data directory, checked once at startup, even by commands whose other beans are made on first use: it
     * exists or was created, and it is writable.
     */
    @Bean
    @Lazy(false)
    Path dataDirectory(ArchiveProperties properties) {
        return DataDirectory.prepare(properties.dataDir());
    }

    @Bean
    RawStore rawStore(Path dataDirectory) {
        return new RawStore(dataDirectory);
    }

    @Bean
    TermMarker termMarker(ChineseAnalysis analysis) {
        return new TermMarker(analysis);
    }

    @Bean
    OriginalFiles originalFiles(SearchService search, RawStore rawStore) {
        return new OriginalFiles(search, rawStore);
    }

    /** Only the server watches a folder; commands run once and exit. */
    @Bean(destroyMethod = "close")
    @ConditionalOnWebApplication
    @ConditionalOnProperty("archive.ingest.watch-dir")
    WatchedFolder watchedFolder(ArchiveProperties properties, IngestService ingestService) {
        WatchedFolder folder = new WatchedFolder(properties.ingest().watchDir(), ingestService);
        folder.start(WATCH_INTERVAL_MILLIS);
        return folder;
    }

    /** Only the server takes uploads; at its start, uploads a stopped server left whole are ingested again. */
    @Bean(destroyMethod = "close")
    @ConditionalOnWebApplication
    IngestJobs ingestJobs(Path dataDirectory, IngestService ingestService, Clock clock) {
        IngestJobs jobs = new IngestJobs(dataDirectory.resolve("uploads"), ingestService, clock);
        jobs.recover();
        return jobs;
    }

    @Bean
    ArticleExport articleExport(SearchService search, JsonMapper json, CaptureView images) {
        return new ArticleExport(search, json, images);
    }

    @Bean
    IngestService ingestService(
            ArticleNormalizer normalizer,
            RawStore rawStore,
            ArticleSink sink,
            ArchiveProperties properties,
            Clock clock) {
        return new IngestService(
                normalizer,
                rawStore,
                sink,
                properties.ingest().maxFileSize().toBytes(),
                properties.ingest().effectiveThreads(),
                properties.ingest().commitEvery(),
                clock);
    }
}
