package org.newsarchive.config;

import java.nio.file.Path;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.index.ArticleIndex;
import org.newsarchive.search.LuceneSearchService;
import org.newsarchive.search.SearchService;
import org.newsarchive.solr.Retries;
import org.newsarchive.solr.SolrArticleSink;
import org.newsarchive.solr.SolrCollection;
import org.newsarchive.solr.SolrSearchService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search engine behind the archive, chosen by {@code archive.backend}: each provides the {@link SearchService}
 * that pages, API and commands read through, and the {@link org.newsarchive.ingest.ArticleSink} that ingestion
 * writes to. Nothing else in the archive knows which one runs.
 */
@Configuration(proxyBeanMethods = false)
class BackendConfiguration {

    /** The embedded Lucene index under the data directory (the default). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "archive.backend", havingValue = "lucene", matchIfMissing = true)
    static class Lucene {

        @Bean(destroyMethod = "close")
        ArticleIndex articleIndex(Path dataDirectory, ChineseAnalysis analysis, JsonMapper json) {
            return new ArticleIndex(dataDirectory.resolve("index"), analysis, json);
        }

        @Bean
        SearchService searchService(ArticleIndex index, ChineseAnalysis analysis, ArchiveProperties properties) {
            return new LuceneSearchService(index, analysis, properties.search().cachedResults());
        }
    }

    /** A SolrCloud collection, reached through ZooKeeper or any node. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "archive.backend", havingValue = "solr")
    static class Solr {

        @Bean(destroyMethod = "close")
        SolrCollection solrCollection(ArchiveProperties properties) {
            ArchiveProperties.Solr solr = properties.solr();
            return SolrCollection.connect(solr.zkHosts(), solr.zkChroot(), solr.urls(), solr.collection());
        }

        @Bean
        SolrArticleSink solrArticleSink(
                SolrCollection collection, ChineseAnalysis analysis, JsonMapper json, ArchiveProperties properties) {
            ArchiveProperties.Solr solr = properties.solr();
            return new SolrArticleSink(
                    collection,
                    analysis,
                    json,
                    new Retries(solr.retries(), solr.retryBackoff(), solr.maxRetryBackoff()),
                    solr.batchSize());
        }

        @Bean
        SearchService searchService(SolrCollection collection, ChineseAnalysis analysis, JsonMapper json) {
            return new SolrSearchService(collection, analysis, json);
        }
    }
}
