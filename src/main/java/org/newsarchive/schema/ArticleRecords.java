package org.newsarchive.schema;

import java.util.Objects;
import org.newsarchive.article.Article;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored form of an article in any engine: its record as JSON without the text, which the engines store once
 * in the body field for highlighting, and which is put back on reading.
 */
public final class ArticleRecords {

    private ArticleRecords() {}

    public static byte[] toBytes(JsonMapper json, Article article) {
        return json.writeValueAsBytes(article.withText(""));
    }

    /** The article of a stored record and body; a missing body reads as empty. */
    public static Article fromBytes(JsonMapper json, byte[] record, int offset, int length, String body) {
        Article article = json.readValue(record, offset, length, Article.class);
        return article.withText(Objects.requireNonNullElse(body, ""));
    }
}
