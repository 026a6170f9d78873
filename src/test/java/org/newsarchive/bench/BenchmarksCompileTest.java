package org.newsarchive.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every benchmark under {@code bench/} compiles against today's code, as {@code java bench/Name.java} would compile
 * it: on its own, in the default package, with the test classpath (the archive's classes and every dependency). The
 * benchmarks are not run here; they measure, and the build does not.
 */
class BenchmarksCompileTest {

    private static final Path BENCH = Path.of("bench");

    @TempDir
    Path classes;

    static Stream<Path> benchmarks() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(BENCH)) {
            files = listing.filter(file -> file.toString().endsWith(".java"))
                    .sorted()
                    .toList();
        }
        assertThat(files).as("benchmarks under " + BENCH.toAbsolutePath()).isNotEmpty();
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("benchmarks")
    void compiles(Path benchmark) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK's compiler").isNotNull();
        StringWriter errors = new StringWriter();

        boolean compiled = javac.getTask(
                        errors,
                        null,
                        null,
                        List.of(
                                "-proc:none",
                                "-Xlint:none",
                                "-classpath",
                                System.getProperty("java.class.path"),
                                "-d",
                                classes.toString()),
                        null,
                        javac.getStandardFileManager(null, null, null).getJavaFileObjects(benchmark))
                .call();

        assertThat(compiled).as("%s does not compile:%n%s", benchmark, errors).isTrue();
    }
}
