package org.newsarchive.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * The content-addressed store of every file ever given to the archive, byte for byte.
 *
 * <p>A blob lives at {@code raw/ab/cdef…} under the data directory, named by the SHA-256 of its bytes, so storing the
 * same bytes twice costs nothing and a blob can never be overwritten by other content. Blobs are written to a
 * temporary file and moved into place atomically, so a crash never leaves a partial blob under a valid name. A
 * journal ({@code raw/sources.tsv}) records each path a blob was ingested from, with the mirror's repository, commit
 * and commit time when it came from git, and each file a mirror removed: enough to rebuild the archive, every
 * version in order, from this store alone. Thread-safe.
 *
 * <p>A journal line is tab-separated: the SHA-256, the path, when it was stored; then, in lines written since
 * versions are kept, the mirror time, the repository and the commit (each empty when unknown) and the event,
 * {@code version} or {@code removed}.
 */
public final class RawStore {

    /**
     * One journal line: a blob and a path it was ingested from, and where a mirror held it; or, when
     * {@code removed}, the blob a mirror's commit removed from that path.
     */
    public record SourceEntry(
            String sha256,
            String path,
            Instant storedAt,
            Instant mirroredAt,
            String repository,
            String commit,
            boolean removed) {

        public SourceEntry(String sha256, String path, Instant storedAt) {
            this(sha256, path, storedAt, null, null, null, false);
        }

        /** What makes two lines the same record: rereading a file, or rerunning an ingest, repeats lines. */
        String key() {
            return sha256 + "\t" + path + "\t" + commit + "\t" + removed;
        }
    }

    private static final String VERSION = "version";
    private static final String REMOVED = "removed";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final Path journal;

    public RawStore(Path dataDir) {
        this.root = Objects.requireNonNull(dataDir, "dataDir").resolve("raw");
        this.journal = root.resolve("sources.tsv");
    }

    /** Stores {@code bytes} and returns their hex SHA-256. */
    public String put(byte[] bytes) {
        return put(new ByteArrayInputStream(bytes));
    }

    /** Stores everything {@code in} yields, streaming, and returns its hex SHA-256. Does not close {@code in}. */
    public String put(InputStream in) {
        try {
            Files.createDirectories(root);
            Path temporary = Files.createTempFile(root, "incoming-", ".tmp");
            try {
                MessageDigest digest = DigestUtils.getSha256Digest();
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
                    in.transferTo(out);
                }
                String sha = HexFormat.of().formatHex(digest.digest());
                Path target = blobPath(sha);
                if (!Files.exists(target)) {
                    Files.createDirectories(target.getParent());
                    moveIntoPlace(temporary, target);
                }
                return sha;
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the raw store at " + root, e);
        }
    }

    /** Records that the blob {@code sha256} was ingested from {@code path}, a plain file. */
    public void recordSource(String sha256, String path, Instant storedAt) {
        record(new SourceEntry(sha256, path, storedAt));
    }

    /** Records a journal entry: a file ingested, or a file a mirror removed. */
    public synchronized void record(SourceEntry entry) {
        requireSha(entry.sha256());
        String line = String.join(
                        "\t",
                        entry.sha256(),
                        clean(entry.path()),
                        entry.storedAt().toString(),
                        entry.mirroredAt() == null ? "" : entry.mirroredAt().toString(),
                        clean(Objects.requireNonNullElse(entry.repository(), "")),
                        clean(Objects.requireNonNullElse(entry.commit(), "")),
                        entry.removed() ? REMOVED : VERSION)
                + "\n";
        try {
            Files.createDirectories(root);
            Files.writeString(
                    journal, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the raw store journal " + journal, e);
        }
    }

    /** When a file was last recorded, from the journal's last line; empty for an empty store. */
    public synchronized Optional<Instant> lastRecordedAt() {
        if (!Files.exists(journal)) {
            return Optional.empty();
        }
        try (RandomAccessFile file = new RandomAccessFile(journal.toFile(), "r")) {
            long length = file.length();
            int tail = (int) Math.min(length, 4096);
            byte[] bytes = new byte[tail];
            file.seek(length - tail);
            file.readFully(bytes);
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
            for (int i = lines.length - 1; i >= 0; i--) {
                String[] parts = lines[i].split("\t");
                if (parts.length >= 3 && SHA256.matcher(parts[0]).matches()) {
                    return Optional.of(Instant.parse(parts[2].strip()));
                }
            }
            return Optional.empty();
        } catch (IOException | DateTimeParseException e) {
            throw new UncheckedIOException(
                    "cannot read the raw store journal " + journal,
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    /** Every journal entry, oldest first. */
    public synchronized List<SourceEntry> sources() {
        if (!Files.exists(journal)) {
            return List.of();
        }
        try {
            List<SourceEntry> entries = new ArrayList<>();
            for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t", -1);
                if (parts.length >= 3 && SHA256.matcher(parts[0]).matches()) {
                    entries.add(entry(parts));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the raw store journal " + journal, e);
        }
    }

    private static SourceEntry entry(String[] parts) {
        Instant storedAt = Instant.parse(parts[2].strip());
        if (parts.length < 7) {
            return new SourceEntry(parts[0], parts[1], storedAt);
        }
        return new SourceEntry(
                parts[0],
                parts[1],
                storedAt,
                parts[3].isEmpty() ? null : Instant.parse(parts[3]),
                emptyToNull(parts[4]),
                emptyToNull(parts[5]),
                REMOVED.equals(parts[6].strip()));
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private static String clean(String value) {
        return value.replace('\t', ' ').replace('\n', ' ');
    }

    /**
     * Each distinct record once (a blob from a path, in a commit, ingested or removed), at its first line, oldest
     * first, and again where a path outside a mirror returns to a blob after holding another (a revert, which is a
     * version of its own): what a rebuild must read.
     */
    public List<SourceEntry> distinctSources() {
        Set<String> seen = new HashSet<>();
        Map<String, String> lastBlobOfPath = new HashMap<>();
        List<SourceEntry> distinct = new ArrayList<>();
        for (SourceEntry entry : sources()) {
            boolean outsideAMirror = (entry.commit() == null || entry.commit().isEmpty()) && !entry.removed();
            String lastBlob = outsideAMirror ? lastBlobOfPath.put(entry.path(), entry.sha256()) : null;
            boolean returns = lastBlob != null && !lastBlob.equals(entry.sha256());
            if (seen.add(entry.key()) || returns) {
                distinct.add(entry);
            }
        }
        return List.copyOf(distinct);
    }

    public boolean contains(String sha256) {
        return isSha(sha256) && Files.exists(blobPath(sha256));
    }

    /** The blob's bytes, or empty when the store does not hold it (or the key is not a SHA-256). */
    public Optional<byte[]> read(String sha256) {
        if (!contains(sha256)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(blobPath(sha256)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read blob " + sha256, e);
        }
    }

    private Path blobPath(String sha256) {
        requireSha(sha256);
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2));
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            // Another thread stored the same bytes first: same content, nothing to do.
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean isSha(String value) {
        return value != null && SHA256.matcher(value).matches();
    }

    private static void requireSha(String sha256) {
        if (!isSha(sha256)) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
    }
}
