package org.newsarchive.config;

import java.nio.file.Path;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.capture.link.LinkChecks;
import org.newsarchive.ingest.ArticleSink;
import org.newsarchive.lucene.LuceneIndexReader;
import org.newsarchive.lucene.LuceneIndexWriter;
import org.newsarchive.lucene.LuceneSearchService;
import org.newsarchive.schema.OriginalStatuses;
import org.newsarchive.search.SearchService;
import org.newsarchive.solr.Retries;
import org.newsarchive.solr.SolrArticleSink;
import org.newsarchive.solr.SolrCollection;
import org.newsarchive.solr.SolrSearchService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search engine behind the archive, chosen by {@code archive.backend}: each provides the {@link SearchService}
 * that pages, API and commands read through, and the {@link ArticleSink} that ingestion writes to. Nothing else in
 * the archive knows which one runs.
 */
@Configuration(proxyBeanMethods = false)
class BackendConfiguration {

    /**
     * The embedded Lucene index under the data directory (the default). Its writer, which holds the index's lock,
     * is opened only when something writes: the server, {@code ingest}, {@code reindex}. The server reads through it,
     * near-real-time; the other commands read the last commit, so they work beside a running server.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "archive.backend", havingValue = "lucene", matchIfMissing = true)
    static class Lucene {

        @Bean(destroyMethod = "close")
        @Lazy
        LuceneIndexWriter luceneIndexWriter(
                Path dataDirectory, ChineseAnalysis analysis, JsonMapper json, ObjectProvider<LinkChecks> linkChecks) {
            return new LuceneIndexWriter(indexDirectory(dataDirectory), analysis, json, originals(linkChecks));
        }

        /** The server's reader: through its own writer, closed with it. */
        @Bean(destroyMethod = "")
        @ConditionalOnWebApplication
        LuceneIndexReader nearRealTimeReader(LuceneIndexWriter writer) {
            return writer.reader();
        }

        /** A command's reader: the last commit, whoever writes the index. */
        @Bean(destroyMethod = "close")
        @ConditionalOnNotWebApplication
        LuceneIndexReader lastCommitReader(Path dataDirectory, JsonMapper json) {
            return LuceneIndexReader.lastCommit(indexDirectory(dataDirectory), json);
        }

        @Bean
        SearchService searchService(LuceneIndexReader reader, ChineseAnalysis analysis, ArchiveProperties properties) {
            return new LuceneSearchService(reader, analysis, properties.search().cachedResults());
        }

        private static Path indexDirectory(Path dataDirectory) {
            return dataDirectory.resolve("index");
        }
    }

    /** The statuses of the originals as the link checks tell, read when an article is indexed. */
    private static OriginalStatuses originals(ObjectProvider<LinkChecks> linkChecks) {
        return sourceUrl -> linkChecks.getObject().statusOf(sourceUrl);
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
                SolrCollection collection,
                ChineseAnalysis analysis,
                JsonMapper json,
                ArchiveProperties properties,
                ObjectProvider<LinkChecks> linkChecks) {
            ArchiveProperties.Solr solr = properties.solr();
            return new SolrArticleSink(
                    collection,
                    analysis,
                    json,
                    new Retries(solr.retries(), solr.retryBackoff(), solr.maxRetryBackoff()),
                    solr.batchSize(),
                    originals(linkChecks));
        }

        @Bean
        SearchService searchService(SolrCollection collection, ChineseAnalysis analysis, JsonMapper json) {
            return new SolrSearchService(collection, analysis, json);
        }
    }
}
