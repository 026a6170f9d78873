package org.newsarchive.index;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.article.Article;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps an {@link Article} to its Lucene document and back. The record is stored as compressed JSON, so the index
 * alone can serve every page and API answer; its text is left out of the JSON because the body field already stores
 * it for highlighting. The other fields exist to be searched, filtered, sorted and faceted. Thread-safe.
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
    private final ChineseAnalysis analysis;
    private final FacetsConfig facets = IndexFields.facetsConfig();

    ArticleDocuments(JsonMapper json, ChineseAnalysis analysis) {
        this.json = json;
        this.analysis = analysis;
    }

    /** An article's title and text as every analysis chain sees them, computed once per article. */
    record Folded(String title, String text) {}

    Folded fold(Article article) {
        return new Folded(analysis.fold(article.title()), analysis.fold(article.text()));
    }

    /** The text fingerprint for near-duplicate detection. */
    static long simhash(Folded folded) {
        return NearDuplicates.simhash(folded.text());
    }

    Document toDocument(Article article, Folded folded, long simhash, String cluster) throws IOException {
        Document document = new Document();
        document.add(new NumericDocValuesField(IndexFields.SIMHASH, simhash));
        document.add(new StringField(IndexFields.CLUSTER, cluster, Field.Store.NO));
        document.add(new org.apache.lucene.document.SortedDocValuesField(IndexFields.CLUSTER, new BytesRef(cluster)));
        document.add(new StringField(IndexFields.ID, article.id(), Field.Store.YES));
        document.add(new StringField(IndexFields.SHA256, article.provenance().sha256(), Field.Store.YES));
        document.add(new Field(IndexFields.TITLE, article.title(), HIGHLIGHTED_TEXT));
        document.add(new Field(IndexFields.TITLE_WORDS, folded.title(), RANKING_WORDS));
        document.add(new StringField(IndexFields.TITLE_KEY, analysis.keyOfFolded(folded.title()), Field.Store.NO));
        document.add(new Field(IndexFields.BODY, article.text(), HIGHLIGHTED_TEXT));
        document.add(new Field(IndexFields.BODY_WORDS, folded.text(), RANKING_WORDS));
        for (String author : article.authors()) {
            document.add(new TextField(IndexFields.AUTHOR, author, Field.Store.NO));
        }
        for (String host : hostAndParents(article.sourceUrl())) {
            document.add(new StringField(IndexFields.SITE, host, Field.Store.NO));
        }
        if (article.publishedAt() != null) {
            long millis = article.publishedAt().sortInstant().toEpochMilli();
            document.add(new LongPoint(IndexFields.DATE, millis));
            document.add(new NumericDocValuesField(IndexFields.DATE, millis));
            var date = article.publishedAt().date();
            addFacet(document, IndexFields.YEAR, String.valueOf(date.getYear()));
            addFacet(
                    document, IndexFields.YEAR_MONTH, String.format("%04d-%02d", date.getYear(), date.getMonthValue()));
        }
        addFacet(document, IndexFields.PUBLISHER, article.publisher());
        addFacet(document, IndexFields.CHANNEL, article.channel());
        Set<String> tags = new LinkedHashSet<>(article.tags());
        tags.addAll(article.keywords());
        tags.forEach(tag -> addFacet(document, IndexFields.TAG, tag));
        article.categories().forEach(category -> addFacet(document, IndexFields.CATEGORY, category));
        addFacet(document, IndexFields.LANGUAGE, article.language().tag());
        byte[] record = json.writeValueAsBytes(article.withText(""));
        document.add(new StoredField(IndexFields.RECORD, new BytesRef(record)));
        return facets.build(document);
    }

    /** The article of a document loaded with {@link #STORED_FIELDS}. */
    Article toArticle(Document document) {
        BytesRef record = document.getBinaryValue(IndexFields.RECORD);
        Article article = json.readValue(record.bytes, record.offset, record.length, Article.class);
        return article.withText(java.util.Objects.requireNonNullElse(document.get(IndexFields.BODY), ""));
    }

    /** The stored fields that make up an article: the record, and the body text stored once for highlighting. */
    static final java.util.Set<String> STORED_FIELDS = java.util.Set.of(IndexFields.RECORD, IndexFields.BODY);

    private static void addFacet(Document document, String dimension, String value) {
        if (value != null && !value.isBlank()) {
            document.add(new SortedSetDocValuesFacetField(dimension, value.strip()));
        }
    }

    /** {@code news.example.com} gives itself, {@code example.com}; so {@code site:example.com} finds subdomains. */
    static Set<String> hostAndParents(String url) {
        Set<String> hosts = new LinkedHashSet<>();
        if (url == null) {
            return hosts;
        }
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return hosts;
        }
        int end = scheme + 3;
        while (end < url.length() && "/?#:".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String host = url.substring(scheme + 3, end).toLowerCase(java.util.Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        while (host.contains(".")) {
            hosts.add(host);
            host = host.substring(host.indexOf('.') + 1);
        }
        return hosts;
    }
}
