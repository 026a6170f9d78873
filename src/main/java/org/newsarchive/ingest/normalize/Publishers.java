package org.newsarchive.ingest.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of known outlets ({@code ingest/publishers.tsv}): recognizes a publisher by any of its names or by a
 * URL's host, and gives its canonical name. Immutable and thread-safe once loaded.
 */
final class Publishers {

    private record Outlet(String name, List<String> hosts) {}

    private final Map<String, String> canonicalByName = new HashMap<>();
    private final List<Outlet> outlets = new ArrayList<>();

    private Publishers() {}

    static Publishers load() {
        Publishers publishers = new Publishers();
        try (InputStream in = Publishers.class.getResourceAsStream("/ingest/publishers.tsv")) {
            if (in == null) {
                throw new IllegalStateException("missing resource /ingest/publishers.tsv");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    publishers.add(line.split("\t"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return publishers;
    }

    private void add(String[] columns) {
        String name = columns[0].strip();
        List<String> hosts = columns.length > 1 ? List.of(columns[1].strip().split(",")) : List.of();
        outlets.add(new Outlet(name, hosts));
        canonicalByName.put(key(name), name);
        if (columns.length > 2) {
            for (String alias : columns[2].split(",")) {
                canonicalByName.put(key(alias), name);
            }
        }
    }

    /** The canonical name for a known outlet name or alias. */
    Optional<String> byName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(canonicalByName.get(key(name)));
    }

    /** The outlet whose host (or host and path prefix) the URL is on. */
    Optional<String> byUrl(String url) {
        String host = UrlCleaner.host(url);
        if (host == null) {
            return Optional.empty();
        }
        String hostAndPath = host + pathOf(url);
        for (Outlet outlet : outlets) {
            for (String known : outlet.hosts()) {
                if (known.contains("/")
                        ? hostAndPath.startsWith(known)
                        : host.equals(known) || host.endsWith("." + known)) {
                    return Optional.of(outlet.name());
                }
            }
        }
        return Optional.empty();
    }

    private static String pathOf(String url) {
        int scheme = url.indexOf("://");
        int slash = url.indexOf('/', scheme + 3);
        return slash < 0 ? "" : url.substring(slash);
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
