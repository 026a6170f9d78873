package org.newsarchive.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.newsarchive.config.ArchiveProperties;
import org.newsarchive.ingest.IngestProgress;
import org.newsarchive.ingest.IngestService;
import org.newsarchive.ingest.ZipExtraction;
import org.newsarchive.representation.IngestReportDocument;
import org.newsarchive.request.InvalidParameterException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

    private final IngestService ingestService;
    private final byte[] adminToken;

    IngestApiController(IngestService ingestService, ArchiveProperties properties) {
        this.ingestService = ingestService;
        this.adminToken =
                properties.adminToken() == null || properties.adminToken().isBlank()
                        ? null
                        : properties.adminToken().getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping(path = "/api/ingest", produces = "application/json")
    @Operation(
            summary = "Ingest files",
            description = "Upload article files (.md, .markdown, .html, .htm, .txt) or zips of them in the `files` "
                    + "part. Answers the same per-file report as `ingest --report`. Zips with paths leaving their "
                    + "folder, symbolic links or an implausible compression ratio are refused whole. 401 without a "
                    + "bearer token, 403 with a wrong one or when the server has no admin token.",
            security = @SecurityRequirement(name = "adminToken"))
    @ApiResponse(responseCode = "200", description = "The per-file report; every uploaded file is in it")
    IngestReportDocument ingest(
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                    String authorization,
            @Parameter(description = "Article files or zips of them") @RequestParam(name = "files", required = false)
                    List<MultipartFile> files,
            HttpServletRequest request)
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
        Path upload = Files.createTempDirectory("news-archive-upload-");
        try {
            for (MultipartFile file : files) {
                receive(file, upload);
            }
            return IngestReportDocument.of(ingestService.ingestEveryFile(upload, IngestProgress.NONE));
        } finally {
            deleteRecursively(upload);
        }
    }

    private void authorize(String authorization) {
        if (adminToken == null) {
            throw new ApiProblemException(
                    ApiErrors.Problem.FORBIDDEN, "ingest over the API is off: the server has no archive.admin-token");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiProblemException(ApiErrors.Problem.UNAUTHORIZED, "send Authorization: Bearer <admin token>");
        }
        byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, adminToken)) {
            throw new ApiProblemException(ApiErrors.Problem.FORBIDDEN, "the token is not the admin token");
        }
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

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the upload folder " + folder, e);
        }
    }
}
