package org.newsarchive.lucene;

import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.newsarchive.article.Article;
import org.newsarchive.schema.ArticleFields;
import org.newsarchive.schema.ArticleRecords;
import org.newsarchive.schema.IndexFields;
import org.newsarchive.version.ArticleHistory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps an {@link Article} to its Lucene document and back. The record is stored as compressed JSON, so the index
 * alone can serve every page and API answer; its text is left out of the JSON because the body field already stores
 * it for highlighting. A summary of the record (no text, no HTML) is kept as doc values for result lists, deflated
 * ({@link SummaryCodec}). The other
 * fields exist to be searched, filtered, sorted and faceted. Thread-safe.
 */
final class ArticleDocuments {

    /** Stored, tokenized, with offsets in the postings so the highlighter need not re-analyze. */
    private static final FieldType HIGHLIGHTED_TEXT = new FieldType(TextField.TYPE_STORED);

    /** Words rank by frequency only: phrases and proximity are the bigram view's job, so no positions are kept. */
    private static final FieldType RANKING_WORDS = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        HIGHLIGHTED_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        HIGHLIGHTED_TEXT.freeze();
        RANKING_WORDS.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        RANKING_WORDS.freeze();
    }

    private final JsonMapper json;
    private final FacetsConfig facets = LuceneFacets.config();

    ArticleDocuments(JsonMapper json) {
        this.json = json;
    }

    /**
     * The document of an article: its current version as before, plus its earlier versions, stored whole and
     * indexed in {@link IndexFields#EARLIER} so that a search finds them.
     */
    Document toDocument(ArticleHistory history, ArticleFields fields, String cluster) throws IOException {
        Article article = history.current();
        Document document = new Document();
        document.add(new NumericDocValuesField(IndexFields.SIMHASH, fields.simhash()));
        document.add(new StringField(IndexFields.CLUSTER, cluster, Field.Store.NO));
        document.add(new SortedDocValuesField(IndexFields.CLUSTER, new BytesRef(cluster)));
        document.add(new StringField(IndexFields.ID, article.id(), Field.Store.YES));
        document.add(new SortedDocValuesField(IndexFields.ID, new BytesRef(article.id())));
        document.add(new NumericDocValuesField(
                IndexFields.INGESTED, article.provenance().ingestedAt().toEpochMilli()));
        if (!article.hasText()) {
            document.add(new StringField(IndexFields.NO_TEXT, "true", Field.Store.NO));
        }
        document.add(new StringField(IndexFields.SHA256, article.provenance().sha256(), Field.Store.NO));
        document.add(new Field(IndexFields.TITLE, article.title(), HIGHLIGHTED_TEXT));
        document.add(new Field(IndexFields.TITLE_WORDS, fields.foldedTitle(), RANKING_WORDS));
        document.add(new StringField(IndexFields.TITLE_KEY, fields.titleKey(), Field.Store.NO));
        document.add(new Field(IndexFields.BODY, article.text(), HIGHLIGHTED_TEXT));
        document.add(new Field(IndexFields.BODY_WORDS, fields.foldedText(), RANKING_WORDS));
        for (String author : article.authors()) {
            document.add(new TextField(IndexFields.AUTHOR, author, Field.Store.NO));
        }
        for (String value : fields.meta()) {
            document.add(new TextField(IndexFields.META, value, Field.Store.NO));
        }
        fields.foldedFacets()
                .forEach((dimension, values) -> values.forEach(
                        value -> document.add(new StringField(IndexFields.folded(dimension), value, Field.Store.NO))));
        for (String host : fields.sites()) {
            document.add(new StringField(IndexFields.SITE, host, Field.Store.NO));
        }
        if (fields.dateMillis() != null) {
            document.add(new LongPoint(IndexFields.DATE, fields.dateMillis()));
            document.add(new NumericDocValuesField(IndexFields.DATE, fields.dateMillis()));
        }
        fields.facets()
                .forEach((dimension, values) ->
                        values.forEach(value -> document.add(new SortedSetDocValuesFacetField(dimension, value))));
        Instant mirrored = article.provenance().mirroredAt();
        if (mirrored != null) {
            document.add(new LongPoint(IndexFields.MIRRORED, mirrored.toEpochMilli()));
            document.add(new NumericDocValuesField(IndexFields.MIRRORED, mirrored.toEpochMilli()));
        }
        for (String earlier : ArticleRecords.earlierText(history)) {
            document.add(new TextField(IndexFields.EARLIER, earlier, Field.Store.NO));
        }
        byte[] earlierVersions = ArticleRecords.historyToBytes(json, history);
        if (earlierVersions != null) {
            document.add(new StoredField(IndexFields.HISTORY, new BytesRef(earlierVersions)));
        }
        document.add(new StoredField(IndexFields.RECORD, new BytesRef(ArticleRecords.toBytes(json, article))));
        document.add(new BinaryDocValuesField(
                IndexFields.SUMMARY, SummaryCodec.compress(json.writeValueAsBytes(article.withoutBody()))));
        return facets.build(document);
    }

    /** The article of a document loaded with {@link #STORED_FIELDS}. */
    Article toArticle(Document document) {
        BytesRef record = document.getBinaryValue(IndexFields.RECORD);
        return ArticleRecords.fromBytes(
                json, record.bytes, record.offset, record.length, document.get(IndexFields.BODY));
    }

    /** The article's versions, from a document loaded with {@link #HISTORY_FIELDS}. */
    ArticleHistory toHistory(Document document) {
        BytesRef stored = document.getBinaryValue(IndexFields.HISTORY);
        return stored == null
                ? ArticleHistory.of(toArticle(document))
                : ArticleRecords.historyFromBytes(
                        json, toArticle(document), stored.bytes, stored.offset, stored.length);
    }

    /** The article without text and HTML, from its summary doc value ({@link IndexFields#SUMMARY}). */
    Article toSummary(BytesRef stored) {
        BytesRef summary = SummaryCodec.decompress(stored);
        return json.readValue(summary.bytes, summary.offset, summary.length, Article.class);
    }

    /** The stored fields that make up an article: the record, and the body text stored once for highlighting. */
    static final Set<String> STORED_FIELDS = Set.of(IndexFields.RECORD, IndexFields.BODY);

    /** The stored fields of an article with its earlier versions. */
    static final Set<String> HISTORY_FIELDS = Set.of(IndexFields.RECORD, IndexFields.BODY, IndexFields.HISTORY);
}
