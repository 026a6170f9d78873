package org.newsarchive.representation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.newsarchive.ingest.FileOutcome;
import org.newsarchive.ingest.job.IngestJob;

/**
 * The JSON form of an ingest job, as a client polling {@code GET /api/ingest/jobs/{id}} sees it.
 *
 * @param url where to poll the job
 * @param status {@code queued}, {@code running}, {@code done} or {@code failed}
 * @param recovered true when the upload was received before a restart and ingested after it
 * @param files the upload's files, zip entries unpacked
 * @param counts files done so far by outcome: {@code ingested}, {@code unchanged}, {@code failed}
 * @param error what stopped a failed job (a fault of the archive; the upload is ingested again at the next start)
 * @param report the per-file report, once done; absent before
 */
public record IngestJobDocument(
        String id,
        String url,

        @Schema(allowableValues = {"queued", "running", "done", "failed"})
        String status,

        boolean recovered,
        Instant createdAt,
        @Schema(nullable = true) Instant startedAt,
        @Schema(nullable = true) Instant finishedAt,
        int files,
        int filesDone,
        long bytes,
        long bytesDone,
        Map<String, Long> counts,
        @Schema(nullable = true) String error,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The per-file report, once the job is done; absent before")
        IngestReportDocument report) {

    /** The job as it is now; with {@code withReport} false, its report is left out (in a list of jobs). */
    public static IngestJobDocument of(IngestJob job, String baseUrl, boolean withReport) {
        IngestJob.Snapshot now = job.snapshot();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (FileOutcome.Status status : FileOutcome.Status.values()) {
            counts.put(status.label(), now.counts().getOrDefault(status, 0L));
        }
        return new IngestJobDocument(
                now.id(),
                baseUrl + "/api/ingest/jobs/" + now.id(),
                ArticleRecord.lower(now.state()),
                now.recovered(),
                now.createdAt(),
                now.startedAt(),
                now.finishedAt(),
                now.files(),
                now.filesDone(),
                now.bytes(),
                now.bytesDone(),
                counts,
                now.error(),
                withReport && now.report() != null ? IngestReportDocument.of(now.report()) : null);
    }
}
