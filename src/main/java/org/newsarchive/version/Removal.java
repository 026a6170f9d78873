package org.newsarchive.version;

import java.time.Instant;
import java.util.Objects;

/**
 * A mirror removed the file that held an article: an event in the article's history, never a loss, since every
 * version stays readable.
 *
 * @param path the file's path in the mirror
 * @param repository the mirror repository, as given to the ingest
 * @param commit the commit that removed the file
 * @param removedAt the commit's time
 */
public record Removal(String path, String repository, String commit, Instant removedAt) {

    public Removal {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(removedAt, "removedAt");
    }
}
