package org.newsarchive.cli;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.newsarchive.ingest.FileOutcome;
import org.newsarchive.ingest.IngestProgress;

/**
 * Progress with rate and ETA on standard error: a live bar on a terminal, and in a pipe or a log a plain line every
 * few seconds (and one at the end), so long runs under {@code nohup} or CI still show where they are. Thread-safe, as
 * the progress bar is.
 */
final class TerminalProgress implements IngestProgress, AutoCloseable {

    private static final int PLAIN_LINE_INTERVAL_MILLIS = 5_000;

    private final Terminal terminal;
    private ProgressBar bar;

    /** Progress on the terminal's standard error. */
    TerminalProgress(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public synchronized void started(int files, long bytes) {
        if (files == 0) {
            return;
        }
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName("Ingesting")
                .setInitialMax(files)
                .setUnit(" files", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .showSpeed();
        if (!terminal.interactive()) {
            builder.setConsumer(new DelegatingProgressBarConsumer(terminal.err()::println))
                    .setUpdateIntervalMillis(PLAIN_LINE_INTERVAL_MILLIS);
        }
        bar = builder.build();
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
