package org.newsarchive.ingest;

/** Receives progress of an ingest batch. Called from ingest threads; implementations must be thread-safe. */
public interface IngestProgress {

    IngestProgress NONE = new IngestProgress() {};

    default void started(int files, long bytes) {}

    default void fileDone(FileOutcome outcome, long bytes) {}
}
