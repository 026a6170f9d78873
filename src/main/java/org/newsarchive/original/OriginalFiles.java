package org.newsarchive.original;

import java.util.Optional;
import org.newsarchive.article.Article;
import org.newsarchive.article.Provenance;
import org.newsarchive.search.SearchService;
import org.newsarchive.store.RawStore;

/**
 * Finds the original file of an archived article in the raw store. The pages and the API both offer it, so a reader
 * can check the archive's rendering against what was actually mirrored. Thread-safe.
 */
public final class OriginalFiles {

    private final SearchService search;
    private final RawStore rawStore;

    public OriginalFiles(SearchService search, RawStore rawStore) {
        this.search = search;
        this.rawStore = rawStore;
    }

    /** The original of the article, or empty when the id is unknown or its bytes are not in this raw store. */
    public Optional<OriginalFile> of(String articleId) {
        return search.find(articleId).flatMap(this::of);
    }

    /** The original of one version of an article, read already; empty when its bytes are not in this raw store. */
    public Optional<OriginalFile> of(Article version) {
        return read(version.provenance());
    }

    private Optional<OriginalFile> read(Provenance provenance) {
        return rawStore.read(provenance.sha256())
                .map(bytes -> new OriginalFile(
                        bytes, fileName(provenance.path()), mediaType(provenance), provenance.sha256()));
    }

    private static String fileName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isBlank() ? "original.txt" : name;
    }

    private static String mediaType(Provenance provenance) {
        String type = switch (provenance.format()) {
            case FRONT_MATTER_MARKDOWN, MARKDOWN_WITH_HTML, MARKDOWN -> "text/markdown";
            case FRONT_MATTER_HTML, HTML -> "text/html";
            case PLAIN_TEXT -> "text/plain";
        };
        String encoding = provenance.encoding();
        return encoding == null || !encoding.matches("[A-Za-z0-9._:-]+") ? type : type + "; charset=" + encoding;
    }
}
