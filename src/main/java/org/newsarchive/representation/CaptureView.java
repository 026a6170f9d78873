package org.newsarchive.representation;

import java.time.Instant;
import java.util.Optional;

/**
 * What the archive's captures say of an article: which of its images it holds a copy of, and what became of its
 * original URL. Implementations are thread-safe.
 */
public interface CaptureView {

    /** An archive that holds no image. */
    CaptureView NONE = new CaptureView() {
        @Override
        public Optional<ArchivedImage> find(String url) {
            return Optional.empty();
        }

        @Override
        public OriginalRecord original(String url) {
            return OriginalRecord.UNCHECKED;
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

    /** What the checks of the original at {@code url} found; {@link OriginalRecord#UNCHECKED} when none did. */
    OriginalRecord original(String url);

    /** Changes whenever a copy or a check is added, so that what is made from the copies can be kept until then. */
    long generation();
}
