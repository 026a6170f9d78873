package org.newsarchive.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.newsarchive.article.Article;
import org.newsarchive.citation.Citation;
import org.newsarchive.citation.CitationFormat;
import org.newsarchive.original.OriginalFiles;
import org.newsarchive.representation.ArticleRecord;
import org.newsarchive.representation.CaptureView;
import org.newsarchive.representation.Links;
import org.newsarchive.representation.RecordFields;
import org.newsarchive.representation.VersionDiffDocument;
import org.newsarchive.representation.VersionList;
import org.newsarchive.request.ArticleIdParameter;
import org.newsarchive.request.InvalidParameterException;
import org.newsarchive.request.NotFoundException;
import org.newsarchive.request.VersionPair;
import org.newsarchive.search.SearchService;
import org.newsarchive.version.ArticleHistory;
import org.newsarchive.version.VersionDiff;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** One article: its record, its original file, related articles and how to cite it. */
@RestController
@RequestMapping("/api/articles/{id}")
@Tag(name = "Articles", description = "Read one article")
class ArticleApiController {

    private static final int MAX_RELATED = 50;

    private final SearchService search;
    private final OriginalFiles originals;
    private final JsonMapper json;
    private final MessageSource messages;
    private final Clock clock;
    private final CaptureView images;

    ArticleApiController(
            SearchService search,
            OriginalFiles originals,
            JsonMapper json,
            MessageSource messages,
            Clock clock,
            CaptureView images) {
        this.images = images;
        this.search = search;
        this.originals = originals;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping(produces = "application/json")
    @Operation(
            summary = "The full record of an article",
            description = "With its copies and where it came from. Sends a weak ETag and Last-Modified; a matching "
                    + "If-None-Match is answered 304 without a body.")
    @ApiResponse(responseCode = "200", description = "The record")
    @ApiResponse(responseCode = "304", description = "Not modified since the ETag or date sent", content = @Content)
    ResponseEntity<ArticleRecord> article(
            @Parameter(description = "The article's 16-character id") @PathVariable String id, WebRequest request) {
        Article article = find(id);
        String baseUrl = ApiRequests.baseUrl();
        List<Article> copies = search.copies(id);
        ArticleRecord record = ArticleRecord.of(article, baseUrl, copies, images);
        String etag = etag(article, copies, baseUrl, record);
        long lastModified = article.provenance().ingestedAt().toEpochMilli();
        if (request.checkNotModified(etag, lastModified)) {
            return null;
        }
        return ResponseEntity.ok()
                .eTag(etag)
                .lastModified(lastModified)
                .cacheControl(CacheControl.noCache())
                .body(record);
    }

    /**
     * The record's version, from what it is made of: the stored article (fixed by its source bytes and ingest
     * time), its copies and the link prefix. Cheaper than hashing the serialized record, and equal exactly when
     * the record is. Weak, as the bytes sent may be compressed or not; Tomcat compresses no answer with a strong
     * one, and the record is often the largest answer of all.
     */
    /** Changes with the article, its copies and the archive's copies of its images. */
    private static String etag(Article article, List<Article> copies, String baseUrl, ArticleRecord record) {
        StringBuilder version = new StringBuilder(baseUrl);
        if (record.leadImage() != null) {
            version.append('\n').append(record.leadImage().archivedUrl());
        }
        record.images().forEach(image -> version.append('\n').append(image.archivedUrl()));
        version.append('\n').append(record.original());
        List<Article> parts = new ArrayList<>(copies);
        parts.add(0, article);
        for (Article part : parts) {
            version.append('\n')
                    .append(part.id())
                    .append('\t')
                    .append(part.provenance().sha256())
                    .append('\t')
                    .append(part.provenance().path())
                    .append('\t')
                    .append(part.provenance().ingestedAt())
                    .append('\t')
                    .append(part.sourceUrl());
        }
        return "W/\"" + sha256(version.toString().getBytes(StandardCharsets.UTF_8)) + '"';
    }

    @GetMapping("/original")
    @Operation(
            summary = "The original file",
            description = "The exact bytes that were ingested, with their type, encoding and file name.")
    @ApiResponse(
            responseCode = "200",
            description = "The file's bytes, with the type and file name it was ingested as",
            content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> original(@Parameter(description = "The article's id") @PathVariable String id) {
        return originals
                .of(ArticleIdParameter.require(id))
                .orElseThrow(() -> new NotFoundException("no article " + id))
                .download();
    }

    @GetMapping(path = "/related", produces = "application/json")
    @Operation(
            summary = "Related articles",
            description = "Articles most like this one, its own copies excluded, as slim records (no text, HTML,"
                    + " images or provenance) unless `fields` asks for more.")
    @ApiResponse(
            responseCode = "200",
            description = "The related articles, best first, with the fields asked for",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = ArticleRecord.class))))
    List<ObjectNode> related(
            @Parameter(description = "The article's id") @PathVariable String id,
            @Parameter(description = "How many, 1 to 50") @RequestParam(defaultValue = "10") int size,
            @Parameter(
                            description = "The record fields of each article, comma-separated; default id, title,"
                                    + " subtitle, publisher, channel, authors, publishedAt, publishedPrecision,"
                                    + " sourceUrl, tags, language, charCount, url")
                    @RequestParam(required = false)
                    String fields) {
        if (size < 1 || size > MAX_RELATED) {
            throw new InvalidParameterException("size", "must be from 1 to " + MAX_RELATED + ", was: " + size);
        }
        RecordFields selected = RecordFields.parse(fields, RecordFields.SLIM);
        find(id);
        String baseUrl = ApiRequests.baseUrl();
        return search.related(id, size).stream()
                .map(article -> selected.select(ArticleRecord.of(article, baseUrl, null, images), json))
                .toList();
    }

    @GetMapping(
            path = "/citation",
            produces = {
                "application/x-bibtex",
                "application/x-research-info-systems",
                "application/vnd.citationstyles.csl+json"
            })
    @Operation(
            summary = "How to cite an article",
            description = "A reference for reference managers: BibTeX (a biblatex online entry), RIS or CSL-JSON,"
                    + " naming the publisher's original, the archived copy and today as the day it was consulted.")
    @ApiResponse(
            responseCode = "200",
            description = "The reference in the format asked for",
            content = {
                @Content(mediaType = "application/x-bibtex", schema = @Schema(type = "string")),
                @Content(mediaType = "application/x-research-info-systems", schema = @Schema(type = "string")),
                @Content(
                        mediaType = "application/vnd.citationstyles.csl+json",
                        array = @ArraySchema(schema = @Schema(type = "object", description = "A CSL-JSON item")))
            })
    ResponseEntity<String> citation(
            @Parameter(description = "The article's id") @PathVariable String id,
            @Parameter(
                            description = "bibtex, ris or csl-json",
                            schema =
                                    @Schema(
                                            allowableValues = {"bibtex", "ris", "csl-json"},
                                            defaultValue = "bibtex"))
                    @RequestParam(defaultValue = "bibtex")
                    String format) {
        CitationFormat chosen = CitationFormat.named(format)
                .orElseThrow(() ->
                        new InvalidParameterException("format", "must be bibtex, ris or csl-json, was: " + format));
        Article article = find(id);
        Citation citation = Citation.of(
                article,
                messages.getMessage("site.name", null, LocaleContextHolder.getLocale()),
                Links.page(ApiRequests.baseUrl(), article.id()),
                LocalDate.now(clock));
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.parseMediaType(chosen.mediaType()), StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(article.id() + "." + chosen.extension())
                                .build()
                                .toString())
                .body(chosen.write(citation));
    }

    @GetMapping(path = "/versions", produces = "application/json")
    @Operation(
            summary = "The versions of an article",
            description = "Every version the archive holds, oldest first (by when a mirror held it, then when it was"
                    + " read), each with where it came from and what it changed in a line; and the times a mirror"
                    + " removed the article's file. The last version is the current one.")
    @ApiResponse(responseCode = "200", description = "The versions")
    VersionList versions(@Parameter(description = "The article's id") @PathVariable String id) {
        return VersionList.of(history(id), ApiRequests.baseUrl());
    }

    @GetMapping(path = "/versions/{version}", produces = "application/json")
    @Operation(
            summary = "One version of an article",
            description = "The full record of that version, with the copies of its story as the article has now.")
    @ApiResponse(responseCode = "200", description = "The version's record")
    ArticleRecord version(
            @Parameter(description = "The article's id") @PathVariable String id,
            @Parameter(
                            description =
                                    "The version's number, from 1, or the SHA-256 of its file, which names it for good")
                    @PathVariable
                    String version) {
        ArticleHistory history = history(id);
        return ArticleRecord.of(
                versionOf(history, version), ApiRequests.baseUrl(), search.copies(history.id()), images);
    }

    @GetMapping("/versions/{version}/original")
    @Operation(
            summary = "The original file of one version",
            description = "The exact bytes that version was read from.")
    @ApiResponse(
            responseCode = "200",
            description = "The file's bytes, with the type and file name it was ingested as",
            content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> versionOriginal(
            @Parameter(description = "The article's id") @PathVariable String id,
            @Parameter(
                            description =
                                    "The version's number, from 1, or the SHA-256 of its file, which names it for good")
                    @PathVariable
                    String version) {
        Article chosen = versionOf(history(id), version);
        return originals
                .of(chosen)
                .orElseThrow(
                        () -> new NotFoundException("the original of version " + chosen.version() + " is not stored"))
                .download();
    }

    @GetMapping(path = "/diff", produces = "application/json")
    @Operation(
            summary = "What changed between two versions",
            description = "The fields that changed, and the text paragraph by paragraph, compared as the same text"
                    + " whether in traditional or simplified characters. Defaults compare the version before the"
                    + " current one with the current one.")
    @ApiResponse(responseCode = "200", description = "The comparison")
    VersionDiffDocument diff(
            @Parameter(description = "The article's id") @PathVariable String id,
            @Parameter(description = "The older version's number, or the SHA-256 of its file")
                    @RequestParam(required = false)
                    String from,
            @Parameter(description = "The newer version's number, or the SHA-256 of its file")
                    @RequestParam(required = false)
                    String to) {
        ArticleHistory history = history(id);
        VersionPair pair = VersionPair.parse(history, from, to);
        return VersionDiffDocument.of(VersionDiff.between(pair.from(), pair.to()));
    }

    private ArticleHistory history(String id) {
        return search.history(ArticleIdParameter.require(id))
                .orElseThrow(() -> new NotFoundException("no article " + id));
    }

    private static Article versionOf(ArticleHistory history, String version) {
        int number = VersionPair.number("version", version, history);
        return history.version(number).orElseThrow();
    }

    private Article find(String id) {
        return search.find(ArticleIdParameter.require(id)).orElseThrow(() -> new NotFoundException("no article " + id));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
