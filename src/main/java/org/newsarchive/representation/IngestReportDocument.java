package org.newsarchive.representation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsarchive.ingest.FileOutcome;
import org.newsarchive.ingest.IngestReport;
import org.newsarchive.ingest.normalize.IngestProblem;

/**
 * The JSON report of one ingest, file by file: written by {@code ingest --report} and answered by
 * {@code POST /api/ingest}.
 *
 * @param summary file counts by status ({@code files}, {@code ingested}, {@code unchanged}, {@code failed}), input
 *     {@code bytes} and {@code elapsedMs}
 */
public record IngestReportDocument(Map<String, Long> summary, List<IngestedFile> files) {

    /**
     * One file.
     *
     * @param status {@code ingested}, {@code unchanged} or {@code failed}
     * @param id the article's id, or null when the file failed
     */
    public record IngestedFile(
            String path,

            @Schema(allowableValues = {"ingested", "versioned", "unchanged", "removed", "failed"})
            String status,

            @Schema(nullable = true, description = "The article's id; null when the file failed")
            String id,

            List<FileProblem> problems) {}

    /** @param severity {@code warning} or {@code error} */
    public record FileProblem(
            @Schema(allowableValues = {"warning", "error"}) String severity, String message) {}

    public static IngestReportDocument of(IngestReport report) {
        Map<String, Long> summary = new LinkedHashMap<>();
        summary.put("files", (long) report.files().size());
        for (FileOutcome.Status status : FileOutcome.Status.values()) {
            summary.put(status.label(), report.count(status));
        }
        summary.put("bytes", report.bytes());
        summary.put("elapsedMs", report.elapsed().toMillis());
        return new IngestReportDocument(
                summary,
                report.files().stream()
                        .map(file -> new IngestedFile(
                                file.path(),
                                file.status().label(),
                                file.id(),
                                file.problems().stream()
                                        .map(IngestReportDocument::problem)
                                        .toList()))
                        .toList());
    }

    private static FileProblem problem(IngestProblem problem) {
        return new FileProblem(ArticleRecord.lower(problem.severity()), problem.message());
    }
}
