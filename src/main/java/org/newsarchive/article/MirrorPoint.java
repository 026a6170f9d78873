package org.newsarchive.article;

import java.time.Instant;

/**
 * Where and when a mirror held a file, as far as it is known: a git commit of a mirror repository, or nothing for a
 * plain file.
 *
 * @param repository the repository as given to the ingest; null when unknown
 * @param commit the commit id; null when unknown
 * @param mirroredAt the commit time; null when unknown
 */
public record MirrorPoint(String repository, String commit, Instant mirroredAt) {

    /** A plain file: no mirror is known. */
    public static final MirrorPoint NONE = new MirrorPoint(null, null, null);

    public boolean isKnown() {
        return mirroredAt != null || commit != null;
    }
}
