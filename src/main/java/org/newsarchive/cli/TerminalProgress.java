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
    private final String task;
    private final String unit;
    private volatile ProgressBar bar;

    /** The progress of an ingest on the terminal's standard error. */
    TerminalProgress(Terminal terminal) {
        this(terminal, "Ingesting", "files");
    }

    /** The progress of a {@code task} over items counted in {@code unit}, such as "Capturing" and "images". */
    TerminalProgress(Terminal terminal, String task, String unit) {
        this.terminal = terminal;
        this.task = task;
        this.unit = unit;
    }

    @Override
    public void started(int files, long bytes) {
        start(files);
    }

    @Override
    public void fileDone(FileOutcome outcome, long bytes) {
        step();
    }

    /** Shows a bar for {@code items}; nothing for none. */
    synchronized void start(int items) {
        if (items == 0) {
            return;
        }
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(items)
                .setUnit(" " + unit, 1)
                .setStyle(ProgressBarStyle.ASCII)
                .showSpeed();
        if (!terminal.interactive()) {
            builder.setConsumer(new DelegatingProgressBarConsumer(terminal.err()::println))
                    .setUpdateIntervalMillis(PLAIN_LINE_INTERVAL_MILLIS);
        }
        bar = builder.build();
    }

    /** One more item done. */
    void step() {
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
