package org.newsarchive.representation;

import java.time.Instant;
import java.util.Optional;

/**
 * Which article images the archive holds a copy of, so that a record can point at the copy. Implementations are
 * thread-safe.
 */
public interface ImageArchive {

    /** An archive that holds no image. */
    ImageArchive NONE = new ImageArchive() {
        @Override
        public Optional<ArchivedImage> find(String url) {
            return Optional.empty();
        }

        @Override
        public long generation() {
            return 0;
        }
    };

    /**
     * A copy of an image the archive holds.
     *
     * @param path where the archive serves it, such as {@code /media/SHA256}
     * @param capturedAt when the copy was fetched
     */
    record ArchivedImage(String path, Instant capturedAt) {}

    /** The archive's copy of the image at {@code url}, when it holds one that it shows. */
    Optional<ArchivedImage> find(String url);

    /** Changes whenever a copy is added, so that what is made from the copies can be kept until then. */
    long generation();
}
