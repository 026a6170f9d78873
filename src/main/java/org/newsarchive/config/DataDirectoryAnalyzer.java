package org.newsarchive.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains an unusable data directory at startup: its path, why, and what to do. */
class DataDirectoryAnalyzer extends AbstractFailureAnalyzer<DataDirectory.UnusableDataDirectoryException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectory.UnusableDataDirectoryException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Point --archive.data-dir at a folder this user can create and write, or fix its permissions.",
                null);
    }
}
