package org.newsarchive.config;

import java.time.Clock;
import org.newsarchive.article.ArticleCatalog;
import org.newsarchive.ingest.ArticleNormalizer;
import org.newsarchive.ingest.IngestService;
import org.newsarchive.store.RawStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires the archive's services from {@link ArchiveProperties}. */
@Configuration(proxyBeanMethods = false)
class ArchiveConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ArticleNormalizer articleNormalizer(ArchiveProperties properties) {
        return new ArticleNormalizer(properties.ingest().maxFileSize().toBytes());
    }

    @Bean
    RawStore rawStore(ArchiveProperties properties) {
        return new RawStore(properties.dataDir());
    }

    @Bean
    ArticleCatalog articleCatalog(ArchiveProperties properties, JsonMapper json) {
        return new ArticleCatalog(properties.dataDir(), json);
    }

    @Bean
    IngestService ingestService(
            ArticleNormalizer normalizer,
            RawStore rawStore,
            ArticleCatalog catalog,
            ArchiveProperties properties,
            Clock clock) {
        return new IngestService(
                normalizer,
                rawStore,
                catalog,
                properties.ingest().maxFileSize().toBytes(),
                properties.ingest().effectiveThreads(),
                clock);
    }
}
