package org.newsarchive.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Objects;
import org.newsarchive.article.MirrorPoint;

/**
 * One file to ingest, wherever its bytes are read from (a folder, an upload, a blob of a git mirror), with the path
 * recorded for it and where a mirror held it.
 *
 * @param path the path recorded as provenance, with forward slashes
 * @param size the file's size in bytes, to check against the limit before reading it
 * @param bytes opens the file's bytes; called once or twice, from any ingest thread
 * @param mirror the repository, commit and commit time, or {@link MirrorPoint#NONE} for a plain file
 */
public record IngestSource(String path, long size, Bytes bytes, MirrorPoint mirror) {

    /** Opens a file's bytes, each time from the start. */
    @FunctionalInterface
    public interface Bytes {
        InputStream open() throws IOException;
    }

    public IngestSource {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(mirror, "mirror");
    }

    /** A file found on disk; its size is read now, and an unreadable file gets size 0 and fails when read. */
    static IngestSource of(SourceFiles.SourceFile file) {
        long size;
        try {
            size = Files.size(file.file());
        } catch (IOException e) {
            size = 0;
        }
        return new IngestSource(file.relativePath(), size, () -> Files.newInputStream(file.file()), MirrorPoint.NONE);
    }

    byte[] read() throws IOException {
        try (InputStream in = bytes.open()) {
            return in.readAllBytes();
        }
    }
}
