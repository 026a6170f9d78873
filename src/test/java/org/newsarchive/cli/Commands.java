package org.newsarchive.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.newsarchive.NewsArchiveApplication;

/**
 * Runs archive commands in the test's own JVM, through the same entry point as the shell, with their standard output
 * and error captured. For everything a command does short of being a separate process.
 */
public final class Commands {

    /** What a command printed, and its exit code. */
    public record Run(int exitCode, String out, String err) {

        /** Output and error together, for assertion messages. */
        public String all() {
            return out + err;
        }
    }

    /** What a command wrote to standard output as bytes (a binary export), its error output, and its exit code. */
    public record BinaryRun(int exitCode, byte[] out, String err) {}

    private Commands() {}

    public static Run run(String... args) {
        BinaryRun run = runBinary(args);
        return new Run(run.exitCode(), new String(run.out(), StandardCharsets.UTF_8), run.err());
    }

    public static BinaryRun runBinary(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exitCode = NewsArchiveApplication.runCommand(List.of(args), new Terminal(outStream, errStream, false));
        }
        return new BinaryRun(exitCode, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }
}
