package org.newsarchive.solr;

import java.nio.charset.StandardCharsets;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.newsarchive.article.Article;
import org.newsarchive.schema.ArticleFields;
import org.newsarchive.schema.ArticleRecords;
import org.newsarchive.schema.IndexFields;
import org.newsarchive.version.ArticleHistory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps an {@link Article} to its Solr document and back, with the same fields and values as the embedded index
 * ({@link ArticleFields}); the configset's schema declares them. Thread-safe.
 */
final class SolrDocuments {

    /** The stored fields that make up an article: the record, and the body text stored once for highlighting. */
    static final String STORED_FIELDS = IndexFields.ID + "," + IndexFields.RECORD + "," + IndexFields.BODY;
    /** The stored record without the body, for lists of articles. */
    static final String RECORD_ONLY = IndexFields.ID + "," + IndexFields.RECORD;

    private final JsonMapper json;

    SolrDocuments(JsonMapper json) {
        this.json = json;
    }

    /** The stored fields that make up an article with its earlier versions. */
    static final String HISTORY_FIELDS = STORED_FIELDS + "," + IndexFields.HISTORY;

    /** The document of an article: its current version, and its earlier versions stored and indexed. */
    SolrInputDocument toDocument(ArticleHistory history, ArticleFields fields, String cluster) {
        Article article = history.current();
        SolrInputDocument document = new SolrInputDocument();
        document.setField(IndexFields.ID, article.id());
        document.setField(IndexFields.SHA256, article.provenance().sha256());
        document.setField(IndexFields.TITLE, article.title());
        document.setField(IndexFields.TITLE_WORDS, fields.foldedTitle());
        document.setField(IndexFields.TITLE_KEY, fields.titleKey());
        document.setField(IndexFields.BODY, article.text());
        document.setField(IndexFields.BODY_WORDS, fields.foldedText());
        article.authors().forEach(author -> document.addField(IndexFields.AUTHOR, author));
        fields.sites().forEach(site -> document.addField(IndexFields.SITE, site));
        fields.meta().forEach(value -> document.addField(IndexFields.META, value));
        fields.foldedFacets()
                .forEach((dimension, values) ->
                        values.forEach(value -> document.addField(IndexFields.folded(dimension), value)));
        if (fields.dateMillis() != null) {
            document.setField(IndexFields.DATE, fields.dateMillis());
        }
        document.setField(
                IndexFields.INGESTED, article.provenance().ingestedAt().toEpochMilli());
        if (!article.hasText()) {
            document.setField(IndexFields.NO_TEXT, "true");
        }
        fields.facets().forEach((dimension, values) -> values.forEach(value -> document.addField(dimension, value)));
        document.setField(IndexFields.SIMHASH, fields.simhash());
        document.setField(IndexFields.CLUSTER, cluster);
        if (article.provenance().mirroredAt() != null) {
            document.setField(
                    IndexFields.MIRRORED, article.provenance().mirroredAt().toEpochMilli());
        }
        ArticleRecords.earlierText(history).forEach(text -> document.addField(IndexFields.EARLIER, text));
        byte[] earlier = ArticleRecords.historyToBytes(json, history);
        if (earlier != null) {
            document.setField(IndexFields.HISTORY, new String(earlier, StandardCharsets.UTF_8));
        }
        document.setField(
                IndexFields.RECORD, new String(ArticleRecords.toBytes(json, article), StandardCharsets.UTF_8));
        return document;
    }

    /** The versions of an article read with {@link #HISTORY_FIELDS}. */
    ArticleHistory toHistory(SolrDocument document) {
        Article current = toArticle(document);
        Object stored = document.getFirstValue(IndexFields.HISTORY);
        if (stored == null) {
            return ArticleHistory.of(current);
        }
        byte[] bytes = ((String) stored).getBytes(StandardCharsets.UTF_8);
        return ArticleRecords.historyFromBytes(json, current, bytes, 0, bytes.length);
    }

    /** The article of a document read with {@link #STORED_FIELDS} (or {@link #RECORD_ONLY}: then without text). */
    Article toArticle(SolrDocument document) {
        byte[] record = ((String) document.getFirstValue(IndexFields.RECORD)).getBytes(StandardCharsets.UTF_8);
        return ArticleRecords.fromBytes(
                json, record, 0, record.length, (String) document.getFirstValue(IndexFields.BODY));
    }
}
