package org.newsarchive.config;

import java.time.Clock;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.index.ArticleIndex;
import org.newsarchive.ingest.ArticleNormalizer;
import org.newsarchive.ingest.IngestService;
import org.newsarchive.original.OriginalFiles;
import org.newsarchive.search.SearchService;
import org.newsarchive.search.TermMarker;
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
    ChineseAnalysis chineseAnalysis() {
        return new ChineseAnalysis();
    }

    @Bean
    ArticleNormalizer articleNormalizer(ArchiveProperties properties) {
        return new ArticleNormalizer(properties.ingest().maxFileSize().toBytes());
    }

    @Bean
    RawStore rawStore(ArchiveProperties properties) {
        return new RawStore(properties.dataDir());
    }

    @Bean(destroyMethod = "close")
    ArticleIndex articleIndex(ArchiveProperties properties, ChineseAnalysis analysis, JsonMapper json) {
        return new ArticleIndex(properties.dataDir().resolve("index"), analysis, json);
    }

    @Bean
    SearchService searchService(ArticleIndex index, ChineseAnalysis analysis) {
        return new SearchService(index, analysis);
    }

    @Bean
    TermMarker termMarker(ChineseAnalysis analysis) {
        return new TermMarker(analysis);
    }

    @Bean
    OriginalFiles originalFiles(SearchService search, RawStore rawStore) {
        return new OriginalFiles(search, rawStore);
    }

    @Bean
    IngestService ingestService(
            ArticleNormalizer normalizer,
            RawStore rawStore,
            ArticleIndex index,
            ArchiveProperties properties,
            Clock clock) {
        return new IngestService(
                normalizer,
                rawStore,
                index,
                properties.ingest().maxFileSize().toBytes(),
                properties.ingest().effectiveThreads(),
                clock);
    }
}
