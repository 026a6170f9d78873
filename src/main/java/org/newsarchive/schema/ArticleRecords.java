package org.newsarchive.schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.newsarchive.article.Article;
import org.newsarchive.version.ArticleHistory;
import org.newsarchive.version.Removal;
import org.newsarchive.version.Sighting;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored form of an article in any engine: its record as JSON without the text, which the engines store once
 * in the body field for highlighting, and which is put back on reading.
 */
public final class ArticleRecords {

    /** What an engine stores of an article besides its current version. */
    record StoredHistory(List<Article> earlier, List<Removal> removals, List<Sighting> sightings) {}

    private ArticleRecords() {}

    /**
     * The earlier versions (each whole, text included), the removals and the sightings that are no version's own of
     * a history, or null for an article with one version and nothing else, which stores nothing more.
     */
    public static byte[] historyToBytes(JsonMapper json, ArticleHistory history) {
        List<Sighting> others = history.otherSightings();
        if (history.earlier().isEmpty() && history.removals().isEmpty() && others.isEmpty()) {
            return null;
        }
        return json.writeValueAsBytes(new StoredHistory(history.earlier(), history.removals(), others));
    }

    /** The history of a stored current version and its stored history bytes (null when it has none). */
    public static ArticleHistory historyFromBytes(
            JsonMapper json, Article current, byte[] stored, int offset, int length) {
        if (stored == null) {
            return ArticleHistory.of(current);
        }
        StoredHistory history = json.readValue(stored, offset, length, StoredHistory.class);
        List<Article> versions = new ArrayList<>(history.earlier());
        versions.add(current);
        // Histories stored before sightings were kept have none besides their versions' own.
        return new ArticleHistory(versions, history.removals(), history.sightings());
    }

    /** The text an engine indexes of the earlier versions: each title and text that the current one lacks. */
    public static List<String> earlierText(ArticleHistory history) {
        Article current = history.current();
        Set<String> values = new LinkedHashSet<>();
        for (Article earlier : history.earlier()) {
            if (!earlier.title().equals(current.title())) {
                values.add(earlier.title());
            }
            if (!earlier.text().equals(current.text())) {
                values.add(earlier.text());
            }
        }
        return List.copyOf(values);
    }

    public static byte[] toBytes(JsonMapper json, Article article) {
        return json.writeValueAsBytes(article.withText(""));
    }

    /** The article of a stored record and body; a missing body reads as empty. */
    public static Article fromBytes(JsonMapper json, byte[] record, int offset, int length, String body) {
        Article article = json.readValue(record, offset, length, Article.class);
        return article.withText(Objects.requireNonNullElse(body, ""));
    }
}
