package org.newsarchive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Any number of distinct article files for tests that need volume, made from the 200 committed corpus samples: each
 * copy gets its own GNews article URL, hence its own id, so nothing collapses into duplicates.
 */
public final class SyntheticCorpus {

    private SyntheticCorpus() {}

    /** Writes {@code count} files named {@code 00000.md}, {@code 00001.md}, … into {@code folder}. */
    public static Path write(Path folder, int count) {
        return write(folder, 0, count);
    }

    /** Writes files number {@code first} to {@code first + count - 1}; different numbers make different articles. */
    public static Path write(Path folder, int first, int count) {
        return write(folder, first, count, false);
    }

    /**
     * Writes {@code count} articles that differ in their text, not only in their URL: beyond the samples
     * themselves, each file is a sample followed by the text of another, so no two are copies of one story. For
     * tests that rank and collapse copies.
     */
    public static Path writeDistinct(Path folder, int count) {
        return write(folder, 0, count, true);
    }

    private static Path write(Path folder, int first, int count, boolean distinct) {
        try {
            Files.createDirectories(folder);
            List<Path> samples;
            try (Stream<Path> listing = Files.list(Path.of("src/test/resources/corpus-sample"))) {
                samples = listing.sorted().toList();
            }
            for (int i = first; i < first + count; i++) {
                String text = Files.readString(samples.get(i % samples.size()), StandardCharsets.UTF_8);
                if (distinct && i >= samples.size()) {
                    int other = (i * 37 + i / samples.size()) % samples.size();
                    if (other == i % samples.size()) {
                        other = (other + 1) % samples.size();
                    }
                    text = text + "\n\n" + Files.readString(samples.get(other), StandardCharsets.UTF_8);
                }
                text = text.replaceAll(
                        "gnews\\.org/(?:zh-hans/|articles/)(\\d+)", "gnews.org/articles/" + (9_000_000 + i));
                Files.writeString(folder.resolve(String.format("%05d.md", i)), text, StandardCharsets.UTF_8);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
