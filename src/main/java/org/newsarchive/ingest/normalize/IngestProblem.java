package org.newsarchive.ingest.normalize;

import java.util.Locale;
import java.util.Objects;

/**
 * One thing that went wrong or was repaired while reading a file.
 *
 * @param severity {@code ERROR} refuses the file; {@code WARNING} keeps it with a repair
 * @param message a one-line, human-readable reason
 */
public record IngestProblem(Severity severity, String message) {

    public enum Severity {
        WARNING,
        ERROR
    }

    public IngestProblem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static IngestProblem warning(String message) {
        return new IngestProblem(Severity.WARNING, message);
    }

    public static IngestProblem error(String message) {
        return new IngestProblem(Severity.ERROR, message);
    }

    @Override
    public String toString() {
        return severity.name().toLowerCase(Locale.ROOT) + ": " + message;
    }
}
