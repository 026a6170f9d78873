package org.newsarchive.capture.link;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.newsarchive.capture.AppendOnlyLines;
import org.newsarchive.capture.TsvFields;
import org.newsarchive.schema.OriginalStatuses;

/**
 * Every check of an original URL, as a line of {@code links.tsv} beside the captures (url, time, what it found,
 * status, final URL, reason), held in memory by URL. The fetches of a check are captures in the WARC files; this
 * file keeps what each check concluded from them. A command and the server append and read it at once. Thread-safe.
 */
public final class LinkChecks implements OriginalStatuses {

    private final AppendOnlyLines lines;
    private final Duration goneAfter;
    private final Map<String, List<LinkCheck>> byUrl = new HashMap<>();
    private long generation;

    /** @param goneAfter how far apart checks that find an original gone must be to mark it gone */
    public LinkChecks(Path file, Duration goneAfter) {
        this.lines = new AppendOnlyLines(file);
        this.goneAfter = goneAfter;
    }

    synchronized void append(LinkCheck check) throws IOException {
        refresh();
        lines.append(String.join(
                "\t",
                TsvFields.escape(check.url()),
                check.checkedAt().toString(),
                check.found().name(),
                Integer.toString(check.httpStatus()),
                TsvFields.escape(check.finalUrl()),
                TsvFields.escape(check.reason())));
        remember(check);
    }

    /** What is known of the original at {@code url} now. */
    public synchronized Original original(String url) {
        refresh();
        return Original.of(byUrl.getOrDefault(url, List.of()), goneAfter);
    }

    @Override
    public String statusOf(String sourceUrl) {
        return sourceUrl == null ? UNCHECKED : original(sourceUrl).status().label();
    }

    /** The checks of {@code url}, oldest first. */
    public synchronized List<LinkCheck> checks(String url) {
        refresh();
        return List.copyOf(byUrl.getOrDefault(url, List.of()));
    }

    /** Changes whenever a check is added, by this process or another. */
    public synchronized long generation() {
        refresh();
        return generation;
    }

    private void refresh() {
        try {
            for (String line : lines.appended()) {
                parse(line).ifPresent(this::remember);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the link checks " + lines + " cannot be read", e);
        }
    }

    private void remember(LinkCheck check) {
        byUrl.computeIfAbsent(check.url(), url -> new ArrayList<>(2)).add(check);
        generation++;
    }

    private static Optional<LinkCheck> parse(String line) {
        String[] fields = line.split("\t", -1);
        if (fields.length != 6) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LinkCheck(
                    TsvFields.unescape(fields[0]),
                    Instant.parse(fields[1]),
                    OriginalStatus.valueOf(fields[2]),
                    Integer.parseInt(fields[3]),
                    TsvFields.unescape(fields[4]),
                    TsvFields.unescape(fields[5])));
        } catch (IllegalArgumentException | DateTimeParseException | NullPointerException torn) {
            return Optional.empty();
        }
    }
}
