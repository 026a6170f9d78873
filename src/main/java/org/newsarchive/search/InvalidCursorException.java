package org.newsarchive.search;

/**
 * A cursor that no page of this engine gave for this sort order: made up, cut short, or from another sort. The API
 * answers it as a bad {@code cursor} parameter.
 */
public final class InvalidCursorException extends IllegalArgumentException {

    public InvalidCursorException(String message) {
        super(message);
    }
}
