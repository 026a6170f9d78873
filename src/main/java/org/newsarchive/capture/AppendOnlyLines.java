package org.newsarchive.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A text file that processes only append to, one line at a time under a file lock, and that each reader follows:
 * {@link #appended} gives the whole lines added since the last call, by whichever process. A line being written is
 * read once it is whole. Not thread-safe: its owner serializes calls.
 */
public final class AppendOnlyLines {

    private final Path file;
    private long readUpTo;

    public AppendOnlyLines(Path file) {
        this.file = file;
    }

    public boolean exists() {
        return Files.exists(file);
    }

    /** Appends {@code line} (without its line break). */
    public void append(String line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        try (FileChannel channel = FileChannel.open(
                        file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                FileLock ignored = channel.lock()) {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
    }

    /** The whole lines appended since the last call (all of them on the first). */
    public List<String> appended() throws IOException {
        if (!Files.exists(file) || Files.size(file) == readUpTo) {
            return List.of();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.position(readUpTo);
            byte[] bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, channel.size() - readUpTo)];
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // reads until full or at the end
            }
            int whole = lastLineEnd(bytes, buffer.position());
            readUpTo += whole;
            List<String> lines = new ArrayList<>();
            for (String line : new String(bytes, 0, whole, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
            return lines;
        }
    }

    private static int lastLineEnd(byte[] bytes, int length) {
        for (int i = length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
