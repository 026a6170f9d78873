package org.newsarchive.ingest.git;

/** A git mirror that cannot be read as asked: not a repository, shallow, corrupt, or without the ref. */
public final class GitMirrorException extends RuntimeException {

    GitMirrorException(String message) {
        super(message);
    }

    GitMirrorException(String message, Throwable cause) {
        super(message, cause);
    }
}
