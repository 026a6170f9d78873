package org.newsarchive.ingest.git;

import java.util.List;
import org.newsarchive.ingest.IngestSource;
import org.newsarchive.ingest.RemovedFile;

/**
 * What one commit of a mirror changed among the files ingested: the files it added or changed (a renamed file
 * counts as changed at its new path, not as removed), and the files it removed.
 *
 * @param id the commit id, 40 hex digits
 */
public record MirrorCommit(String id, List<IngestSource> files, List<RemovedFile> removals) {

    public MirrorCommit {
        files = List.copyOf(files);
        removals = List.copyOf(removals);
    }

    public int changes() {
        return files.size() + removals.size();
    }
}
