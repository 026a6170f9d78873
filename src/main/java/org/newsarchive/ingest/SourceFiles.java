package org.newsarchive.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Finds the files of an ingest batch. A directory is walked recursively for article files ({@code .md},
 * {@code .markdown}, {@code .html}, {@code .htm}, {@code .txt}); a file named explicitly is taken whatever its name.
 * Symbolic links are not followed, so a batch never leaves the roots it was given. Stateless and thread-safe.
 */
public final class SourceFiles {

    /** A file to ingest and the path recorded for it, relative to its root, with forward slashes. */
    public record SourceFile(Path file, String relativePath) {}

    private static final Set<String> EXTENSIONS = Set.of("md", "markdown", "html", "htm", "txt");

    private SourceFiles() {}

    /**
     * Lists the files under the given roots, in a stable order.
     *
     * @throws IllegalArgumentException naming the first root that does not exist
     */
    public static List<SourceFile> find(List<Path> roots) {
        List<SourceFile> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isRegularFile(root)) {
                files.add(new SourceFile(root, root.getFileName().toString()));
            } else if (Files.isDirectory(root)) {
                walk(root, files);
            } else {
                throw new IllegalArgumentException("no such file or directory: " + root);
            }
        }
        return files;
    }

    /**
     * The given files that are article files, named by their path under {@code root}, in a stable order; used for
     * files already found, such as those that changed in a watched folder.
     */
    public static List<SourceFile> under(Path root, List<Path> candidates) {
        return candidates.stream()
                .filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                .filter(SourceFiles::isArticleFile)
                .sorted()
                .map(path -> new SourceFile(path, relative(root, path)))
                .toList();
    }

    /** Every regular file under {@code root}, article file or not, in a stable order. */
    public static List<SourceFile> every(Path root) {
        List<SourceFile> files = new ArrayList<>();
        walk(root, files, path -> true);
        return files;
    }

    private static void walk(Path root, List<SourceFile> files) {
        walk(root, files, SourceFiles::isArticleFile);
    }

    private static void walk(Path root, List<SourceFile> files, Predicate<Path> taken) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                    .filter(taken)
                    .sorted()
                    .forEach(path -> files.add(new SourceFile(path, relative(root, path))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    private static boolean isArticleFile(Path path) {
        return isArticleName(path.getFileName().toString());
    }

    /** Whether a file of this name (or path) is an article file, by its extension. */
    public static boolean isArticleName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
