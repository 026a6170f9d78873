package org.newsarchive.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before anything is opened, that the data directory exists or can be created and can be written, so that a
 * wrong {@code archive.data-dir} is reported by its path and reason instead of surfacing later as an I/O failure.
 */
final class DataDirectory {

    /** The data directory cannot be used; the message names it and says why. */
    static final class UnusableDataDirectoryException extends RuntimeException {
        UnusableDataDirectoryException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private DataDirectory() {}

    static Path prepare(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new UnusableDataDirectoryException(
                    "the data directory " + absolute + " does not exist and cannot be created ("
                            + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                    e);
        }
        try {
            Path probe = Files.createTempFile(absolute, ".write-check-", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new UnusableDataDirectoryException(
                    "the data directory " + absolute + " is not writable ("
                            + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                    e);
        }
        return absolute;
    }
}
