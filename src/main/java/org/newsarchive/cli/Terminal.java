package org.newsarchive.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Where a command writes: its standard output (results, exports), its standard error (progress, messages), and
 * whether a person watches (a live progress bar) or a pipe reads (plain progress lines). The process's own
 * streams for the shell; any streams for a caller that runs commands in its own process.
 */
public record Terminal(PrintStream out, PrintStream err, boolean interactive) {

    /** The process's standard streams; interactive when a console is attached. */
    public static Terminal system() {
        return new Terminal(System.out, System.err, System.console() != null);
    }

    PrintWriter outWriter() {
        return new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    }

    PrintWriter errWriter() {
        return new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    }
}
