package org.newsarchive.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a third-party command line tool the tests check the archive with (a linter from npm, a client generator), in
 * a folder, to its end, with its output kept for the failure message. Output is read while the tool runs, so a hung
 * tool ends at the timeout instead of hanging the build.
 */
public final class ExternalTool {

    /** How the tool ended and what it printed, standard error included. */
    public record Run(List<String> command, int exitCode, String output) {

        @Override
        public String toString() {
            String shown = command.stream()
                    .map(argument -> argument.length() > 200 ? argument.substring(0, 200) + "…" : argument)
                    .collect(java.util.stream.Collectors.joining(" "));
            return shown + " exited with " + exitCode + ":\n" + output;
        }
    }

    private ExternalTool() {}

    /**
     * Runs {@code command} in {@code folder}.
     *
     * @throws AssertionError when the tool does not end within {@code timeout} (it is killed), or cannot be started,
     *     naming {@code install} as how to get it
     */
    public static Run run(Path folder, Duration timeout, String install, List<String> command) {
        return run(folder, timeout, install, command, Map.of());
    }

    /** Runs {@code command} in {@code folder} with {@code environment} added to this process's environment. */
    public static Run run(
            Path folder, Duration timeout, String install, List<String> command, Map<String, String> environment) {
        Process process;
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("cannot start " + command.get(0) + " (" + e.getMessage() + "): " + install, e);
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end within " + timeout);
            }
            return new Run(command, process.exitValue(), output.get(1, TimeUnit.MINUTES));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError("interrupted while running " + command.get(0), e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("cannot read what " + command.get(0) + " printed", e);
        }
    }
}
