package org.newsarchive.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import org.newsarchive.config.ArchiveProperties;
import org.newsarchive.ingest.IngestReport;
import org.newsarchive.ingest.ZipExtraction;
import org.newsarchive.ingest.job.IngestJob;
import org.newsarchive.ingest.job.IngestJobs;
import org.newsarchive.representation.IngestJobDocument;
import org.newsarchive.representation.IngestReportDocument;
import org.newsarchive.request.InvalidParameterException;
import org.newsarchive.request.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Ingests uploaded files through the running server, the one process that may write its archive. Off unless
 * {@code archive.admin-token} is set; then every call must carry it as a bearer token.
 */
@RestController
@Tag(name = "Ingest", description = "Add articles (needs the admin token)")
class IngestApiController {

    private static final ZipExtraction ZIPS = new ZipExtraction(20_000, 2L << 30, 200);

    private final IngestJobs jobs;
    private final int syncMaxFiles;
    private final AdminToken adminToken;

    IngestApiController(IngestJobs jobs, ArchiveProperties properties, AdminToken adminToken) {
        this.jobs = jobs;
        this.syncMaxFiles = properties.ingest().syncMaxFiles();
        this.adminToken = adminToken;
    }

    @PostMapping(path = "/api/ingest", produces = "application/json")
    @Operation(
            summary = "Ingest files",
            description = "Upload article files (.md, .markdown, .html, .htm, .txt) or zips of them in the `files`"
                    + " part. A small upload is answered with the same per-file report as `ingest --report`; one"
                    + " of more files (zip entries unpacked) than the server's archive.ingest.sync-max-files"
                    + " (500 unless set), or any upload with `async=true`, is answered at once with 202 and a job"
                    + " to poll at its `url` (also the Location header) until its status is done. Uploads are"
                    + " ingested one after another and survive a restart. Zips with paths leaving their folder,"
                    + " symbolic links or an implausible compression ratio are refused whole. 401 without a bearer"
                    + " token, 403 with a wrong one or when the server has no admin token.",
            security = @SecurityRequirement(name = "adminToken"))
    @ApiResponse(
            responseCode = "200",
            description = "The per-file report; every uploaded file is in it",
            content = @Content(schema = @Schema(implementation = IngestReportDocument.class)))
    @ApiResponse(
            responseCode = "202",
            description = "The upload is queued as a job; poll its url",
            headers = @Header(name = "Location", description = "The job's address", schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = IngestJobDocument.class)))
    ResponseEntity<?> ingest(
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                    String authorization,
            @Parameter(description = "Article files or zips of them") @RequestParam(name = "files", required = false)
                    List<MultipartFile> files,
            @Parameter(
                            description = "true: answer at once with a job to poll; false: wait for the report,"
                                    + " however large the upload; absent: a job for large uploads only",
                            schema = @Schema(type = "boolean"))
                    @RequestParam(name = "async", required = false)
                    String async,
            HttpServletRequest request)
            throws IOException {
        Boolean asked = async(async);
        IngestJob job = receive(authorization, files, request);
        if (Boolean.TRUE.equals(asked) || (asked == null && job.snapshot().files() > syncMaxFiles)) {
            return accepted(job);
        }
        return ResponseEntity.ok(IngestReportDocument.of(reportOf(job)));
    }

    @PostMapping(path = "/api/ingest/jobs", produces = "application/json")
    @Operation(
            operationId = "startIngestJob",
            summary = "Ingest files as a job",
            description = "Takes the same upload as POST /api/ingest and answers at once with 202 and the job, whatever"
                    + " the upload's size; poll its `url` (also the Location header) until its status is done.",
            security = @SecurityRequirement(name = "adminToken"))
    @ApiResponse(
            responseCode = "202",
            description = "The upload is queued as a job; poll its url",
            headers = @Header(name = "Location", description = "The job's address", schema = @Schema(type = "string")))
    ResponseEntity<IngestJobDocument> startJob(
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                    String authorization,
            @Parameter(description = "Article files or zips of them") @RequestParam(name = "files", required = false)
                    List<MultipartFile> files,
            HttpServletRequest request)
            throws IOException {
        return accepted(receive(authorization, files, request));
    }

    /**
     * Checks the token and the upload, writes its files into a new upload folder and queues it.
     *
     * @throws InvalidParameterException when no file was uploaded
     * @throws InvalidUploadException for a zip that is refused; nothing of the upload is kept then
     */
    private IngestJob receive(String authorization, List<MultipartFile> files, HttpServletRequest request)
            throws IOException {
        authorize(authorization);
        String contentType = request.getContentType();
        if (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            throw new ApiProblemException(
                    ApiErrors.Problem.UNSUPPORTED_MEDIA_TYPE,
                    "send the files as multipart/form-data, each in a part named files; the request was "
                            + (contentType == null ? "without a body type" : contentType));
        }
        if (files == null || files.isEmpty() || files.stream().allMatch(MultipartFile::isEmpty)) {
            throw new InvalidParameterException("files", "no file was uploaded");
        }
        IngestJobs.Upload upload = jobs.open();
        try {
            for (MultipartFile file : files) {
                receive(file, upload.folder());
            }
        } catch (IOException | RuntimeException e) {
            jobs.discard(upload);
            throw e;
        }
        return jobs.submit(upload);
    }

    /** 202 with the job and its address. */
    private static ResponseEntity<IngestJobDocument> accepted(IngestJob job) {
        IngestJobDocument queued = IngestJobDocument.of(job, ApiRequests.baseUrl(), false);
        return ResponseEntity.accepted().location(URI.create(queued.url())).body(queued);
    }

    @GetMapping(path = "/api/ingest/jobs/{id}", produces = "application/json")
    @Operation(
            summary = "An ingest job",
            description = "Its status and progress, and once done its per-file report. Jobs of the last 200 uploads"
                    + " are kept, until the server restarts.",
            security = @SecurityRequirement(name = "adminToken"))
    IngestJobDocument job(
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                    String authorization,
            @Parameter(description = "The job's id") @PathVariable String id) {
        authorize(authorization);
        return jobs.find(id)
                .map(job -> IngestJobDocument.of(job, ApiRequests.baseUrl(), true))
                .orElseThrow(() -> new NotFoundException("no ingest job " + id + " (jobs are kept until a restart)"));
    }

    @GetMapping(path = "/api/ingest/jobs", produces = "application/json")
    @Operation(
            summary = "Recent ingest jobs",
            description = "The jobs of the last 200 uploads, newest first, without their reports.",
            security = @SecurityRequirement(name = "adminToken"))
    List<IngestJobDocument> jobs(
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                    String authorization) {
        authorize(authorization);
        String baseUrl = ApiRequests.baseUrl();
        return jobs.all().stream()
                .map(job -> IngestJobDocument.of(job, baseUrl, false))
                .toList();
    }

    private static Boolean async(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidParameterException("async", "must be true or false, was: " + value);
        };
    }

    /** The job's report once it is done; what stopped it, as the synchronous ingest would have thrown it. */
    private static IngestReport reportOf(IngestJob job) {
        try {
            return job.completion().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void authorize(String authorization) {
        adminToken.check(authorization, "ingest");
    }

    /** Writes an upload into the folder: a zip unpacked into its own subfolder, any other file under its own name. */
    private static void receive(MultipartFile file, Path upload) throws IOException {
        if (file.isEmpty()) {
            return;
        }
        String name = safeName(file.getOriginalFilename());
        if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            Path zip = Files.createTempFile("news-archive-upload-", ".zip");
            try {
                file.transferTo(zip);
                Path unpacked = uniqueFolder(upload, name.substring(0, name.length() - 4));
                ZIPS.unpack(zip, unpacked);
            } catch (ZipExtraction.RefusedZipException e) {
                throw new InvalidUploadException(name + ": " + e.getMessage());
            } finally {
                Files.deleteIfExists(zip);
            }
        } else {
            Path destination = upload.resolve(name);
            for (int copy = 2; Files.exists(destination); copy++) {
                destination = upload.resolve(copy + "-" + name);
            }
            file.transferTo(destination);
        }
    }

    /** The client's file name without any folder part, so an upload can never choose where it is written. */
    private static String safeName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("[\\x00-\\x1f]", "")
                .strip();
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "upload.txt" : name;
    }

    private static Path uniqueFolder(Path parent, String name) throws IOException {
        Path folder = parent.resolve(name.isBlank() ? "zip" : name);
        for (int copy = 2; Files.exists(folder); copy++) {
            folder = parent.resolve(copy + "-" + name);
        }
        return Files.createDirectories(folder);
    }
}
