package org.newsarchive.article;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.newsarchive.ingest.ArticleSink;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Article records kept as one JSON file per article under {@code articles/} in the data directory.
 *
 * <p>Each record is written to a temporary file and moved into place, so readers never see half a record. Thread-safe.
 */
public final class ArticleCatalog implements ArticleSink {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");

    private final Path directory;
    private final JsonMapper json;

    public ArticleCatalog(Path dataDir, JsonMapper json) {
        this.directory = dataDir.resolve("articles");
        this.json = json;
    }

    @Override
    public boolean holdsSame(Article article) {
        return find(article.id())
                .map(stored ->
                        stored.provenance().sha256().equals(article.provenance().sha256()))
                .orElse(false);
    }

    @Override
    public void save(Article article) {
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, article.id(), ".tmp");
            try {
                json.writeValue(temporary.toFile(), article);
                Path target = directory.resolve(article.id() + ".json");
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException notAtomic) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | JacksonException e) {
            throw new IllegalStateException("cannot save article " + article.id() + " in " + directory, e);
        }
    }

    @Override
    public void commit() {
        // Every save is already complete on disk.
    }

    /** The article with this id; empty for unknown or malformed ids. */
    public Optional<Article> find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Path file = directory.resolve(id + ".json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(read(file));
    }

    /** All articles, newest first; undated ones last. */
    public List<Article> listNewestFirst() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Article> articles = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .forEach(file -> articles.add(read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        articles.sort(Comparator.comparing(
                (Article article) -> article.publishedAt() == null
                        ? null
                        : article.publishedAt().sortInstant(),
                Comparator.nullsLast(Comparator.reverseOrder())));
        return articles;
    }

    public boolean isEmpty() {
        return listNewestFirst().isEmpty();
    }

    private Article read(Path file) {
        try {
            return json.readValue(file.toFile(), Article.class);
        } catch (JacksonException e) {
            throw new IllegalStateException("unreadable article record " + file, e);
        }
    }
}
