package org.newsarchive.cli;

import java.io.IOException;
import java.nio.file.Path;

/** Starts {@code ingest} in a child JVM with the test classpath, as a user's shell would, output discarded. */
final class ChildIngest {

    private ChildIngest() {}

    static Process start(Path dataDir, Path input) throws IOException {
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.newsarchive.NewsArchiveApplication",
                        "ingest",
                        "--archive.data-dir=" + dataDir,
                        input.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
