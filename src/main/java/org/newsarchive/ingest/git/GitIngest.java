package org.newsarchive.ingest.git;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.newsarchive.ingest.FileOutcome;
import org.newsarchive.ingest.IngestProgress;
import org.newsarchive.ingest.IngestReport;
import org.newsarchive.ingest.IngestService;
import org.newsarchive.ingest.IngestSource;
import org.newsarchive.ingest.RemovedFile;

/**
 * Ingests a git mirror's history: every version of every article file, commit by commit, with the commit in each
 * version's provenance, going on from the last commit ingested before.
 *
 * <p>Commits are ingested in batches of about {@code batchFiles} changed files (the ingest's commit interval); after
 * each batch is committed the batch's last commit is remembered. A batch's commits are ancestors of its last commit, parents first, so a run
 * killed midway goes on from there at the next: the files of the batch it was in are read again and come back
 * unchanged, and no version is missing or doubled. Not thread-safe; the ingest service runs one batch at a time.
 */
public final class GitIngest {

    /** Changed files per batch unless told: a commit of the index and a checkpoint after each. */
    public static final int DEFAULT_BATCH_FILES = 5_000;

    private final IngestService ingest;
    private final MirrorCheckpoints checkpoints;
    private final Clock clock;
    private final int batchFiles;

    public GitIngest(IngestService ingest, MirrorCheckpoints checkpoints, Clock clock) {
        this(ingest, checkpoints, clock, DEFAULT_BATCH_FILES);
    }

    /** @param batchFiles changed files after which the index is committed and the last commit remembered */
    public GitIngest(IngestService ingest, MirrorCheckpoints checkpoints, Clock clock, int batchFiles) {
        if (batchFiles < 1) {
            throw new IllegalArgumentException("batchFiles must be at least 1, was " + batchFiles);
        }
        this.ingest = ingest;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.batchFiles = batchFiles;
    }

    /**
     * What an ingest of a mirror did.
     *
     * @param from the last commit ingested before, or null when the whole history was read
     * @param to the commit ingested up to
     * @param commits how many commits were read
     * @param restarted whether the commit remembered from before is gone (a rewritten history), so the whole
     *     history was read again
     */
    public record Result(
            String repository, String from, String to, int commits, boolean restarted, IngestReport report) {}

    /**
     * Ingests the commits of {@code ref} not ingested before.
     *
     * @param pathGlob which files to read; null for every article file
     * @throws GitMirrorException when the repository cannot be read as asked
     */
    public Result ingest(Path repository, String ref, String pathGlob, IngestProgress progress) {
        try (GitMirror mirror = GitMirror.open(repository, pathGlob)) {
            ObjectId tip = mirror.resolve(ref);
            Optional<String> last = checkpoints.last(mirror.key(), ref, pathGlob);
            boolean restarted = last.isPresent() && !mirror.holds(last.get());
            String from = restarted ? null : last.orElse(null);
            Instant start = clock.instant();
            List<MirrorCommit> commits =
                    from != null && from.equals(tip.name()) ? List.of() : mirror.commits(tip, from);
            List<FileOutcome> outcomes = new ArrayList<>();
            long bytes = 0;
            for (List<MirrorCommit> batch : batches(commits)) {
                List<IngestSource> files = new ArrayList<>();
                List<RemovedFile> removals = new ArrayList<>();
                for (MirrorCommit commit : batch) {
                    files.addAll(commit.files());
                    removals.addAll(commit.removals());
                }
                IngestReport report = ingest.ingestMirrored(files, removals, progress);
                outcomes.addAll(report.files());
                bytes += report.bytes();
                checkpoints.remember(
                        mirror.key(), ref, pathGlob, batch.get(batch.size() - 1).id());
            }
            if (commits.isEmpty() && last.isEmpty()) {
                checkpoints.remember(mirror.key(), ref, pathGlob, tip.name());
            }
            IngestReport report = new IngestReport(outcomes, bytes, Duration.between(start, clock.instant()));
            return new Result(mirror.name(), from, tip.name(), commits.size(), restarted, report);
        }
    }

    private List<List<MirrorCommit>> batches(List<MirrorCommit> commits) {
        List<List<MirrorCommit>> batches = new ArrayList<>();
        List<MirrorCommit> batch = new ArrayList<>();
        int files = 0;
        for (MirrorCommit commit : commits) {
            batch.add(commit);
            files += commit.changes();
            if (files >= batchFiles) {
                batches.add(batch);
                batch = new ArrayList<>();
                files = 0;
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }
}
