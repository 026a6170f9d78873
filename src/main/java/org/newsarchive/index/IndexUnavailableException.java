package org.newsarchive.index;

/** The index directory cannot be opened: locked by another process, or unreadable. The message says what to do. */
public final class IndexUnavailableException extends RuntimeException {

    public IndexUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
