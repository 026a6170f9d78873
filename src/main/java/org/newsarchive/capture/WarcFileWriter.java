package org.newsarchive.capture;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Appends WARC records to files of its own under the captures folder, each record its own gzip member: a file is
 * created new (never reopened, so nothing written is overwritten), begins with a {@code warcinfo} record, is locked
 * while written, and is closed for a new one when it grows past its size. Another process reads the records of a
 * locked file but does not repair it.
 *
 * <p>While a file is written, a marker beside it ({@code NAME.open}) holds the offset where the append under way
 * began, or -1 between appends. A writer killed mid-append leaves the offset, and {@link #repair} cuts the file
 * there: the records of that append are lost as a whole, and nothing before them is touched. Thread-safe: appends
 * are serialized.
 */
final class WarcFileWriter implements Closeable {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

    private static final Map<String, List<String>> INFO = new LinkedHashMap<>();

    static {
        INFO.put("software", List.of("news-archive/0.1 (jwarc)"));
        INFO.put("format", List.of("WARC File Format 1.1"));
        INFO.put(
                "conformsTo",
                List.of("https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"));
        INFO.put(
                "description",
                List.of(
                        "Captures made by a web archive of Chinese news: the images of its articles and checks of their originals"));
    }

    /** Where a group of records was written: the file, and the offset of each record in it. */
    record Written(String file, List<Long> offsets) {}

    private final Path folder;
    private final long rotateAt;
    private final Clock clock;
    private static final String MARKER = ".open";

    private FileChannel channel;
    private FileChannel marker;
    private FileLock lock;
    private WarcWriter writer;
    private String fileName;

    WarcFileWriter(Path folder, long rotateAt, Clock clock) {
        this.folder = folder;
        this.rotateAt = rotateAt;
        this.clock = clock;
    }

    /** The names this writer gives its files. */
    static boolean isWarcFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".warc.gz");
    }

    /** The file being written now, null before the first append. */
    synchronized String currentFile() {
        return fileName;
    }

    /** Appends {@code records} together into one file, in order. */
    synchronized Written append(List<WarcRecord> records) throws IOException {
        if (writer == null || writer.position() >= rotateAt) {
            startFile();
        }
        Long[] offsets = new Long[records.size()];
        mark(writer.position());
        for (int i = 0; i < records.size(); i++) {
            offsets[i] = writer.position();
            writer.write(records.get(i));
        }
        mark(-1);
        return new Written(fileName, List.of(offsets));
    }

    private void startFile() throws IOException {
        closeFile();
        String name = "captures-" + STAMP.format(clock.instant()) + "-"
                + UUID.randomUUID().toString().substring(0, 8) + ".warc.gz";
        FileChannel opened =
                FileChannel.open(folder.resolve(name), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        lock = opened.lock();
        channel = opened;
        fileName = name;
        marker = FileChannel.open(
                folder.resolve(name + MARKER),
                StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        mark(-1);
        writer = new WarcWriter(channel, WarcCompression.GZIP);
        writer.write(new Warcinfo.Builder()
                .version(MessageVersion.WARC_1_1)
                .date(clock.instant())
                .filename(name)
                .fields(INFO)
                .build());
    }

    private void mark(long offset) throws IOException {
        ByteBuffer value = ByteBuffer.allocate(Long.BYTES).putLong(0, offset);
        while (value.hasRemaining()) {
            marker.write(value, value.position());
        }
    }

    private void closeFile() throws IOException {
        if (writer != null) {
            channel.force(false);
            lock.release();
            writer.close();
            marker.close();
            Files.delete(folder.resolve(fileName + MARKER));
            writer = null;
            channel = null;
            marker = null;
            lock = null;
        }
    }

    /**
     * Repairs the files of writers that were killed: cuts each at the append its marker says was under way, and
     * removes the marker. Files a live writer holds, in this process or another, are left alone.
     */
    static void repair(Path folder) throws IOException {
        List<Path> markers;
        try (Stream<Path> files = Files.list(folder)) {
            markers = files.filter(file -> file.getFileName().toString().endsWith(".warc.gz" + MARKER))
                    .toList();
        }
        for (Path markerFile : markers) {
            String name = markerFile.getFileName().toString();
            Path warc = folder.resolve(name.substring(0, name.length() - MARKER.length()));
            if (!Files.exists(warc)) {
                Files.delete(markerFile);
                continue;
            }
            try (FileChannel file = FileChannel.open(warc, StandardOpenOption.WRITE)) {
                FileLock held;
                try {
                    held = file.tryLock();
                } catch (OverlappingFileLockException heldHere) {
                    continue;
                }
                if (held == null) {
                    continue;
                }
                try (held) {
                    byte[] value = Files.readAllBytes(markerFile);
                    long cut =
                            value.length == Long.BYTES ? ByteBuffer.wrap(value).getLong() : -1;
                    if (cut >= 0 && cut < file.size()) {
                        file.truncate(cut);
                    }
                    Files.delete(markerFile);
                }
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closeFile();
    }
}
