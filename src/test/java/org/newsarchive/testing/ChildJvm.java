package org.newsarchive.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the archive's entry point in a child JVM with the test classpath, for the tests where being a separate process
 * is the point: a process killed mid-ingest, two processes on one archive, what a user's terminal shows when startup
 * fails. Output is read on other threads while the child runs, so a hung child ends at its timeout instead of
 * hanging the build.
 */
public final class ChildJvm {

    /** What the child printed and how it ended. */
    public record Run(int exitCode, String out, String err) {

        public String all() {
            return out + err;
        }
    }

    private ChildJvm() {}

    private static final String ARCHIVE = "org.newsarchive.NewsArchiveApplication";

    /** The command line that starts the archive with {@code args} on {@code classpath}. */
    public static List<String> command(String classpath, List<String> args) {
        return command(classpath, ARCHIVE, args);
    }

    private static List<String> command(String classpath, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath, mainClass));
        command.addAll(args);
        return command;
    }

    /**
     * Runs another tool's entry point on the test classpath to its end, for tools that end with {@code
     * System.exit}, such as jwarc's {@code validate}.
     */
    public static Run runTool(Duration timeout, String mainClass, String... args) {
        return run(command(System.getProperty("java.class.path"), mainClass, List.of(args)), timeout);
    }

    /** Starts the archive with {@code args}, its output discarded, for callers that watch or kill it. */
    public static Process start(List<String> args) throws IOException {
        return new ProcessBuilder(command(System.getProperty("java.class.path"), args))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** Runs the archive with {@code args} to its end, within {@code timeout}, on the test classpath. */
    public static Run run(Duration timeout, String... args) {
        return run(System.getProperty("java.class.path"), timeout, List.of(args));
    }

    /**
     * Runs the archive with {@code args} to its end on {@code classpath}.
     *
     * @throws AssertionError when it does not end within {@code timeout}; it is killed
     */
    public static Run run(String classpath, Duration timeout, List<String> args) {
        return run(command(classpath, args), timeout);
    }

    private static Run run(List<String> command, Duration timeout) {
        List<String> args = command.subList(4, command.size());
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                throw new AssertionError("the archive did not end within " + timeout + ": " + args + "\n"
                        + out.getNow("") + err.getNow(""));
            }
            return new Run(process.exitValue(), out.get(30, TimeUnit.SECONDS), err.get(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + args, e);
        } catch (Exception e) {
            throw new AssertionError("cannot read the output of " + args, e);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
