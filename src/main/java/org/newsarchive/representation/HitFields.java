package org.newsarchive.representation;

import java.util.List;
import java.util.Set;
import org.newsarchive.article.Article;
import org.newsarchive.search.SearchHit;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What each hit of a search or listing carries: the record fields a script asks for with {@code fields=}, always
 * with {@code id} and {@code url}, then what the search found ({@link SearchResponse.Match}), as Elasticsearch gives
 * {@code _id}, {@code _score} and {@code highlight} whatever {@code _source} filtering keeps. Immutable and
 * thread-safe.
 *
 * @param record the record fields of each hit
 */
public record HitFields(RecordFields record) {

    /** The record fields a hit may carry: all but the copies, whose number is the hit's {@code copies}. */
    public static final List<String> SELECTABLE =
            RecordFields.ALL.stream().filter(name -> !name.equals("copies")).toList();

    /** What a hit carries when {@code fields} is not given: enough to list and link it. */
    public static final HitFields DEFAULT = new HitFields(new RecordFields(
            Set.of("id", "title", "publisher", "channel", "authors", "publishedAt", "sourceUrl", "url")));

    public HitFields {
        record = record.with("id", "url");
    }

    /**
     * The fields listed in {@code value}, comma-separated, or {@link #DEFAULT} when it is absent or blank.
     *
     * @throws org.newsarchive.request.InvalidParameterException naming {@code fields} for a name a hit cannot carry
     */
    public static HitFields parse(String value) {
        return new HitFields(RecordFields.parse(value, DEFAULT.record, SELECTABLE));
    }

    /** Whether each hit's whole article must be read, as the fields include its text or HTML. */
    public boolean needsBody() {
        return record.needsBody();
    }

    /**
     * One hit as JSON.
     *
     * @param article the hit's article, whole when {@link #needsBody}, else as the search gave it
     * @param images the images the archive holds copies of
     */
    public ObjectNode of(SearchHit hit, Article article, String baseUrl, CaptureView images, JsonMapper json) {
        ObjectNode node = record.select(ArticleRecord.of(article, baseUrl, null, images), json);
        node.setAll((ObjectNode) json.valueToTree(new SearchResponse.Match(
                hit.titleHighlighted(), hit.snippet(), hit.score(), hit.copies(), hit.matchedVersion())));
        return node;
    }
}
