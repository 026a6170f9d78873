package org.newsarchive.article;

import java.time.Instant;
import java.util.Objects;

/**
 * Where an article came from: enough to find its original bytes in the raw store and to explain how it was read.
 *
 * @param path source file path relative to the ingest root, with forward slashes
 * @param sha256 hex SHA-256 of the raw bytes, the key of the raw store
 * @param encoding the character set the bytes were decoded with
 */
public record Provenance(String path, SourceFormat format, String sha256, String encoding, Instant ingestedAt) {

    public Provenance {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(ingestedAt, "ingestedAt");
    }
}
