package org.newsarchive.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Unpacks an uploaded zip of article files into a folder, refusing what could harm the archive: entries whose path
 * leaves the folder ({@code ../}, absolute paths, drive letters), symbolic links, too many entries, and zip bombs
 * (more bytes unpacked than a limit, or a compression ratio no real text reaches). Refusal is all or nothing: a
 * refused zip leaves nothing to ingest.
 *
 * @param maxEntries most files a zip may hold
 * @param maxUnpackedBytes most bytes all entries together may unpack to
 * @param maxRatio most unpacked bytes per compressed byte, for zips above one mebibyte unpacked
 */
public record ZipExtraction(int maxEntries, long maxUnpackedBytes, int maxRatio) {

    private static final long RATIO_CHECK_THRESHOLD = 1 << 20;

    /** A zip that must not be unpacked. */
    public static final class RefusedZipException extends Exception {
        RefusedZipException(String message) {
            super(message);
        }
    }

    /**
     * Unpacks {@code zip} into the empty folder {@code target}.
     *
     * @throws RefusedZipException when the zip is unsafe or unreadable; {@code target} may then hold partial files
     *     and must be discarded
     */
    public void unpack(Path zip, Path target) throws RefusedZipException, IOException {
        long compressedSize = Files.size(zip);
        Path root = target.toAbsolutePath().normalize();
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            long unpacked = 0;
            int entries = 0;
            for (ZipArchiveEntry entry : Collections.list(file.getEntries())) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (++entries > maxEntries) {
                    throw new RefusedZipException("the zip holds more than " + maxEntries + " files");
                }
                if (entry.isUnixSymlink()) {
                    throw new RefusedZipException("the zip holds a symbolic link: " + entry.getName());
                }
                Path destination = destination(root, entry.getName());
                Files.createDirectories(destination.getParent());
                try (InputStream in = file.getInputStream(entry);
                        OutputStream out = Files.newOutputStream(destination)) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                        unpacked += read;
                        if (unpacked > maxUnpackedBytes) {
                            throw new RefusedZipException(
                                    "the zip unpacks to more than " + maxUnpackedBytes + " bytes");
                        }
                        if (unpacked > RATIO_CHECK_THRESHOLD && unpacked > (long) maxRatio * compressedSize) {
                            throw new RefusedZipException(
                                    "the zip unpacks to more than " + maxRatio + " times its size (a zip bomb?)");
                        }
                        out.write(buffer, 0, read);
                    }
                }
            }
        } catch (IOException e) {
            if (e.getCause() instanceof RefusedZipException refused) {
                throw refused;
            }
            throw new RefusedZipException("not a readable zip: " + e.getMessage());
        }
    }

    private static Path destination(Path root, String name) throws RefusedZipException {
        String normalizedName = name.replace('\\', '/');
        if (normalizedName.startsWith("/") || normalizedName.matches("^[A-Za-z]:.*") || normalizedName.contains("\0")) {
            throw new RefusedZipException("the zip holds an absolute path: " + name);
        }
        Path destination = root.resolve(normalizedName).normalize();
        if (!destination.startsWith(root) || destination.equals(root)) {
            throw new RefusedZipException("the zip holds a path outside its folder: " + name);
        }
        return destination;
    }
}
