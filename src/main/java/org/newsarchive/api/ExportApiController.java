package org.newsarchive.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.newsarchive.representation.ArticleExport;
import org.newsarchive.representation.ExportFormat;
import org.newsarchive.representation.RecordFields;
import org.newsarchive.representation.SearchFallback;
import org.newsarchive.request.InvalidParameterException;
import org.newsarchive.request.SearchQuery;
import org.newsarchive.search.SearchRequest;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Every article matching a search, streamed. */
@RestController
@Tag(name = "Export", description = "Download search results in full")
class ExportApiController {

    private final ArticleExport export;

    ExportApiController(ArticleExport export) {
        this.export = export;
    }

    @GetMapping("/api/export")
    @Operation(
            summary = "Export every match",
            description = "Streams every article matching the search (not one page), as JSON lines (one full "
                    + "article record per line, without the copies list) or CSV with a header row. Memory use "
                    + "does not grow with the number of matches. `page` and `size` are ignored. CSV text cells that "
                    + "start with =, +, -, @, a tab or a carriage return get a leading apostrophe, so that "
                    + "spreadsheets do not run them as formulas.")
    @ApiResponse(
            responseCode = "200",
            description = "Every match, streamed; the Search-Fallback header says whether the any-term fallback was"
                    + " used",
            headers = {
                @Header(
                        name = SearchFallback.HEADER,
                        description = "none, plain_terms or any_term",
                        schema = @Schema(type = "string")),
                @Header(
                        name = HttpHeaders.CONTENT_DISPOSITION,
                        description = "attachment; filename=news-archive-export.jsonl or .csv",
                        schema = @Schema(type = "string"))
            },
            content = {
                @Content(
                        mediaType = "application/x-ndjson",
                        schema =
                                @Schema(
                                        type = "string",
                                        format = "binary",
                                        description = "One ArticleRecord as JSON per line, with the fields asked for")),
                @Content(
                        mediaType = "text/csv",
                        schema =
                                @Schema(
                                        type = "string",
                                        format = "binary",
                                        description = "RFC 4180 CSV with a header row"))
            })
    ResponseEntity<StreamingResponseBody> export(
            @ParameterObject SearchQuery query,
            @Parameter(
                            description = "jsonl or csv",
                            schema =
                                    @Schema(
                                            allowableValues = {"jsonl", "csv"},
                                            defaultValue = "jsonl"))
                    @RequestParam(defaultValue = "jsonl")
                    String format,
            @Parameter(
                            description = "true to start a CSV export with a UTF-8 byte order mark, which Excel"
                                    + " needs to read Chinese text",
                            schema = @Schema(type = "boolean", defaultValue = "false"))
                    @RequestParam(defaultValue = "false")
                    String bom,
            @Parameter(
                            description = "JSON lines only: the record fields each line carries, comma-separated,"
                                    + " such as id,title,publishedAt,text; default all but copies")
                    @RequestParam(required = false)
                    String fields,
            @Parameter(
                            description = "`all` for every version of each article, oldest first, each a line with"
                                    + " its `version`; `current` (the default) for the current version alone",
                            schema =
                                    @Schema(
                                            allowableValues = {"current", "all"},
                                            defaultValue = "current"))
                    @RequestParam(defaultValue = "current")
                    String versions,
            HttpMethod method) {
        ExportFormat exportFormat;
        try {
            exportFormat = ExportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("format", "must be jsonl or csv, was: " + format);
        }
        if (!bom.equals("true") && !bom.equals("false")) {
            throw new InvalidParameterException("bom", "must be true or false, was: " + bom);
        }
        boolean byteOrderMark = bom.equals("true");
        if (!versions.equals("current") && !versions.equals("all")) {
            throw new InvalidParameterException("versions", "must be current or all, was: " + versions);
        }
        boolean allVersions = versions.equals("all");
        if (fields != null && exportFormat == ExportFormat.CSV) {
            throw new InvalidParameterException("fields", "applies to format=jsonl; CSV has fixed columns");
        }
        RecordFields selected = RecordFields.parse(fields, RecordFields.EXPORTED);
        SearchRequest request = query.matches();
        String baseUrl = ApiRequests.baseUrl();
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .header(SearchFallback.HEADER, SearchFallback.name(export.fallback(request)))
                .contentType(MediaType.parseMediaType(exportFormat.mediaType() + ";charset=UTF-8"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("news-archive-export." + exportFormat.extension())
                                .build()
                                .toString());
        if (method == HttpMethod.HEAD) {
            // The headers alone: running the whole export for a body that is thrown away would cost as much as a GET.
            return response.build();
        }
        return response.body(
                out -> export.write(request, exportFormat, baseUrl, byteOrderMark, selected, allVersions, out));
    }
}
