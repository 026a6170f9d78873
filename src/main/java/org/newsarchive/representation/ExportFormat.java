package org.newsarchive.representation;

import java.util.Locale;

/** The formats of a full export. */
public enum ExportFormat {
    /** One {@link ArticleRecord} JSON object per line. */
    JSONL("application/x-ndjson", "jsonl"),
    /** A header row, then one row per article with the main fields; lists are joined with {@code ; }. */
    CSV("text/csv", "csv");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /**
     * Parses {@code jsonl} or {@code csv}, case-insensitively.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static ExportFormat parse(String name) {
        for (ExportFormat format : values()) {
            if (format.extension.equalsIgnoreCase(name == null ? "" : name.strip())) {
                return format;
            }
        }
        throw new IllegalArgumentException("format must be jsonl or csv, was: " + name);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
