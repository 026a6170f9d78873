package org.newsarchive.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.newsarchive.capture.job.CaptureJobs;
import org.newsarchive.representation.CaptureJobDocument;
import org.newsarchive.request.InvalidParameterException;
import org.newsarchive.request.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs captures through the server, as {@code capture media} and {@code capture links} do on the command line:
 * needs the admin token, like ingest.
 */
@RestController
@Tag(name = "Capture", description = "Keep articles' images and check their originals (needs the admin token)")
class CaptureApiController {

    private final CaptureJobs jobs;
    private final AdminToken adminToken;

    CaptureApiController(CaptureJobs jobs, AdminToken adminToken) {
        this.jobs = jobs;
        this.adminToken = adminToken;
    }

    @PostMapping(path = "/api/capture", produces = "application/json")
    @Operation(
            operationId = "startCaptureJob",
            summary = "Capture images or check originals, as a job",
            description = "kind=media fetches the images of the articles (all, or those named by `id`) that have no"
                    + " capture to show yet; kind=links checks their original URLs. Every fetch is kept in WARC."
                    + " Answers at once with 202 and the job; poll its `url` (also the Location header) until its"
                    + " status is done. Jobs run one after another.",
            security = @SecurityRequirement(name = "adminToken"))
    @ApiResponse(
            responseCode = "202",
            description = "The run is queued as a job; poll its url",
            headers = @Header(name = "Location", description = "The job's address", schema = @Schema(type = "string")))
    ResponseEntity<CaptureJobDocument> start(
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                    String authorization,
            @Parameter(
                            description = "media: the articles' images; links: their originals",
                            schema =
                                    @Schema(
                                            allowableValues = {"media", "links"},
                                            defaultValue = "media"))
                    @RequestParam(name = "kind", required = false)
                    String kind,
            @Parameter(description = "Articles to capture for (repeat it); every article when absent")
                    @RequestParam(name = "id", required = false)
                    List<String> ids,
            @Parameter(
                            description = "The most fetches the job makes; 0 for no limit",
                            schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
                    @RequestParam(name = "limit", required = false)
                    String limit) {
        adminToken.check(authorization, "capture");
        CaptureJobs.Snapshot job = jobs.submit(kind(kind), ids == null ? List.of() : ids, limit(limit));
        CaptureJobDocument queued = CaptureJobDocument.of(job, ApiRequests.baseUrl());
        return ResponseEntity.accepted().location(URI.create(queued.url())).body(queued);
    }

    @GetMapping(path = "/api/capture/jobs/{id}", produces = "application/json")
    @Operation(
            summary = "A capture job",
            description = "Its status, progress and, once done, how its fetches ended. The last 200 jobs are kept,"
                    + " until the server restarts.",
            security = @SecurityRequirement(name = "adminToken"))
    CaptureJobDocument job(
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                    String authorization,
            @Parameter(description = "The job's id") @PathVariable String id) {
        adminToken.check(authorization, "capture");
        return jobs.find(id)
                .map(job -> CaptureJobDocument.of(job, ApiRequests.baseUrl()))
                .orElseThrow(() -> new NotFoundException("no capture job " + id + " (jobs are kept until a restart)"));
    }

    private static CaptureJobs.Kind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return CaptureJobs.Kind.MEDIA;
        }
        return switch (kind.strip().toLowerCase(Locale.ROOT)) {
            case "media" -> CaptureJobs.Kind.MEDIA;
            case "links" -> CaptureJobs.Kind.LINKS;
            default -> throw new InvalidParameterException("kind", "must be media or links, was " + kind);
        };
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return 0;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new InvalidParameterException("limit", "must be a whole number, 0 or more, was " + limit);
    }
}
