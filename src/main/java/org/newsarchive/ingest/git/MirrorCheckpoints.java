package org.newsarchive.ingest.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last commit ingested from each mirror, so that the next ingest of it goes on from there. Kept in
 * {@code mirrors.tsv} under the data directory, one line per repository, ref and path glob; rewritten whole
 * through a temporary file, so a crash leaves the old line or the new one. Thread-safe.
 */
public final class MirrorCheckpoints {

    private final Path file;

    public MirrorCheckpoints(Path dataDirectory) {
        this.file = dataDirectory.resolve("mirrors.tsv");
    }

    /** The last commit ingested for this mirror selection, if any. */
    public synchronized Optional<String> last(String repository, String ref, String pathGlob) {
        return Optional.ofNullable(read().get(key(repository, ref, pathGlob)));
    }

    /** Remembers {@code commit} as the last one ingested for this mirror selection. */
    public synchronized void remember(String repository, String ref, String pathGlob, String commit) {
        Map<String, String> lines = read();
        lines.put(key(repository, ref, pathGlob), commit);
        StringBuilder text = new StringBuilder();
        lines.forEach(
                (key, value) -> text.append(key).append('\t').append(value).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "mirrors-", ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String key(String repository, String ref, String pathGlob) {
        return String.join("\t", clean(repository), clean(ref), clean(pathGlob == null ? "" : pathGlob));
    }

    private static String clean(String value) {
        return value.replace('\t', ' ').replace('\n', ' ');
    }

    private Map<String, String> read() {
        Map<String, String> lines = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return lines;
        }
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : all) {
                int last = line.lastIndexOf('\t');
                if (last > 0) {
                    lines.put(line.substring(0, last), line.substring(last + 1));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
