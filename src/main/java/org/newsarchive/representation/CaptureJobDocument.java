package org.newsarchive.representation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.newsarchive.capture.job.CaptureJobs;

/**
 * The JSON form of a capture job, as a client polling {@code GET /api/capture/jobs/{id}} sees it.
 *
 * @param url where to poll the job
 * @param ids the articles the job captures for; empty for every article
 * @param limit the most fetches the job makes, 0 for no limit
 * @param total images or originals the run found to fetch, 0 until it knows
 * @param done how many of them are done
 * @param outcomes for media: {@code captured}, {@code unchanged}, {@code refused}, {@code failed} and {@code
 *     capturedBefore}; for links: {@code online}, {@code moved}, {@code gone}, {@code blocked}, {@code
 *     unreachable}, {@code unchecked}, as each check found; empty until the job is done
 */
public record CaptureJobDocument(
        String id,
        String url,
        @Schema(allowableValues = {"media", "links"}) String kind,

        @Schema(allowableValues = {"queued", "running", "done", "failed"})
        String status,

        List<String> ids,
        int limit,
        int total,
        int done,
        Map<String, Integer> outcomes,
        @Schema(nullable = true) String error,
        Instant createdAt,
        @Schema(nullable = true) Instant startedAt,
        @Schema(nullable = true) Instant finishedAt) {

    public static CaptureJobDocument of(CaptureJobs.Snapshot job, String baseUrl) {
        return new CaptureJobDocument(
                job.id(),
                baseUrl + "/api/capture/jobs/" + job.id(),
                ArticleRecord.lower(job.kind()),
                ArticleRecord.lower(job.state()),
                job.ids(),
                job.limit(),
                job.total(),
                job.done(),
                job.outcomes(),
                job.error(),
                job.createdAt(),
                job.startedAt(),
                job.finishedAt());
    }
}
