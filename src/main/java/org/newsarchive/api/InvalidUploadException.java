package org.newsarchive.api;

/** An upload the archive refuses to unpack: a zip escaping its folder, too large once unpacked, or unreadable. */
final class InvalidUploadException extends RuntimeException {

    InvalidUploadException(String message) {
        super(message, null, false, false);
    }
}
