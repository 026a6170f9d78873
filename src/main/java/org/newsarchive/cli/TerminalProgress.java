package org.newsarchive.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.newsarchive.ingest.FileOutcome;
import org.newsarchive.ingest.IngestProgress;

/**
 * A progress bar with rate and ETA, shown only when a terminal is attached: piped output gets just the summary.
 * Thread-safe, as the progress bar is.
 */
final class TerminalProgress implements IngestProgress, AutoCloseable {

    private final boolean enabled;
    private ProgressBar bar;

    private TerminalProgress(boolean enabled) {
        this.enabled = enabled;
    }

    static TerminalProgress forConsole() {
        return new TerminalProgress(System.console() != null);
    }

    @Override
    public synchronized void started(int files, long bytes) {
        if (enabled && files > 0) {
            bar = new ProgressBarBuilder()
                    .setTaskName("Ingesting")
                    .setInitialMax(files)
                    .setUnit(" files", 1)
                    .setStyle(ProgressBarStyle.ASCII)
                    .showSpeed()
                    .build();
        }
    }

    @Override
    public void fileDone(FileOutcome outcome, long bytes) {
        ProgressBar current = bar;
        if (current != null) {
            current.step();
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
