package org.newsarchive.ingest;

import java.util.Objects;
import org.newsarchive.version.Removal;

/**
 * A file a mirror removed: the bytes it last held, which name its article, and the removal.
 *
 * @param lastCopy the file as it was before the removal, with the commit that last held it
 */
public record RemovedFile(IngestSource lastCopy, Removal removal) {

    public RemovedFile {
        Objects.requireNonNull(lastCopy, "lastCopy");
        Objects.requireNonNull(removal, "removal");
    }
}
