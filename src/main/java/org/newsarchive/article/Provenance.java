package org.newsarchive.article;

import java.time.Instant;
import java.util.Objects;

/**
 * Where an article's version came from: enough to find its original bytes in the raw store, to explain how it was
 * read, and to say when a mirror held it.
 *
 * @param path source file path relative to the ingest root (or the repository), with forward slashes
 * @param sha256 hex SHA-256 of the raw bytes, the key of the raw store
 * @param encoding the character set the bytes were decoded with
 * @param ingestedAt when the archive read the file
 * @param mirroredAt when a mirror first held this version: the commit time for a file read from git; null when the
 *     mirror does not say (never the publication date)
 * @param repository the git repository the file was read from, as given to the ingest; null for plain files
 * @param commit the id of the commit that holds this version; null for plain files
 */
public record Provenance(
        String path,
        SourceFormat format,
        String sha256,
        String encoding,
        Instant ingestedAt,
        Instant mirroredAt,
        String repository,
        String commit) {

    public Provenance {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(ingestedAt, "ingestedAt");
    }

    /** The provenance of a plain file, of which no mirror time is known. */
    public Provenance(String path, SourceFormat format, String sha256, String encoding, Instant ingestedAt) {
        this(path, format, sha256, encoding, ingestedAt, null, null, null);
    }

    /** This provenance with the mirror's repository, commit and time. */
    public Provenance mirrored(MirrorPoint mirror) {
        return new Provenance(
                path, format, sha256, encoding, ingestedAt, mirror.mirroredAt(), mirror.repository(), mirror.commit());
    }

    /**
     * The time that orders this version among the article's others: when the mirror held it, else when the archive
     * read it.
     */
    public Instant versionTime() {
        return mirroredAt != null ? mirroredAt : ingestedAt;
    }
}
