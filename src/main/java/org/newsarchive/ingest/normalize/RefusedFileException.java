package org.newsarchive.ingest.normalize;

/** Thrown inside the normalizer when a file cannot yield an article; carries the one-line reason. */
final class RefusedFileException extends RuntimeException {

    RefusedFileException(String reason) {
        super(reason, null, false, false);
    }
}
