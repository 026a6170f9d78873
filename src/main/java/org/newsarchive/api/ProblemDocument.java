package org.newsarchive.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;

/**
 * The shape of every API error, an RFC 9457 problem document, for the OpenAPI description only: the answers
 * themselves are Spring's {@code ProblemDetail}s, built by {@link ApiErrors}. Named apart from the ingest report's
 * per-file problems so that generated clients get one type for each.
 *
 * @param parameter for {@code invalid-parameter}, the parameter at fault
 * @param limitBytes for {@code payload-too-large} by size, the largest upload taken
 * @param limitFiles for {@code payload-too-large} by number of files, the most files one request may hold
 */
@Schema(name = "ProblemDocument", description = "An RFC 9457 problem document (application/problem+json)")
record ProblemDocument(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Stable problem type, such as urn:news-archive:problem:invalid-parameter")
        URI type,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Short human title of the type")
        String title,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The HTTP status")
        int status,

        @Schema(description = "What went wrong and what to do, safe to show")
        String detail,

        @Schema(description = "The path that was asked for") String instance,

        @Schema(description = "invalid-parameter only: the parameter at fault")
        String parameter,

        @Schema(description = "payload-too-large by size only: the largest upload taken, in bytes")
        Long limitBytes,

        @Schema(description = "payload-too-large by number of files only: the most files one request may hold")
        Integer limitFiles) {}
