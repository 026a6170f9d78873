package org.newsarchive.api;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.newsarchive.representation.HitFields;
import org.newsarchive.representation.SearchResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.ResolvableType;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;

/**
 * Completes the served OpenAPI description with what Spring's annotations do not say, so that linters pass it and
 * generated clients need no hand-fixes: the problem document every error answers with, the error responses each
 * operation can give (404 when its address names an article or facet; 401 and 403 when it needs the admin token;
 * 413 and 415 when it takes an upload; 400, 406 and 503 always), nullable
 * properties whose enum lists null as JSON Schema requires, and {@code security: []} on every operation that
 * needs no token. Stateless and thread-safe.
 */
final class OpenApiContract implements OperationCustomizer, OpenApiCustomizer {

    static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/ProblemDocument";

    /**
     * Schemas whose every property is in every answer (Jackson writes nulls, never leaves a field out). Not the
     * article record, whose fields {@code fields=} may leave out.
     */
    private static final Set<String> COMPLETE = Set.of(
            "SearchResponse",
            "FacetCount",
            "FacetValues",
            "ArchiveStats",
            "Copy",
            "Source",
            "ImageRecord",
            "OriginalRecord",
            "ArticleVideo",
            "IngestReportDocument",
            "IngestJobDocument",
            "CaptureJobDocument",
            "IngestedFile",
            "FileProblem");

    /** Properties of those schemas that are left out, not null, when they have no value. */
    private static final Map<String, Set<String>> ABSENT_WHEN_EMPTY = Map.of("IngestJobDocument", Set.of("report"));

    /** Nullable properties of types outside the API's packages, which carry no OpenAPI annotations. */
    private static final Map<String, Set<String>> NULLABLE = Map.of("ArticleVideo", Set.of("poster", "caption"));

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ApiResponses responses = operation.getResponses();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        // Every operation refuses parameters it does not take.
        addProblem(responses, "400", "A parameter is missing, unknown or invalid; `parameter` names it");
        if (parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()))) {
            addProblem(responses, "404", "No such article or facet");
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            addProblem(responses, "401", "No bearer token");
            addProblem(responses, "403", "A wrong token, or the server has none");
        }
        if (takesUpload(handler)) {
            addProblem(responses, "413", "The upload is over the size limit; `limitBytes` says it");
            addProblem(responses, "415", "The body is not of a type the operation takes");
        }
        addProblem(responses, "406", "The Accept header allows no type this operation answers in");
        addProblem(responses, "503", "The search engine cannot answer for now; retry after Retry-After seconds");
        if (operation.getSecurity() == null) {
            operation.setSecurity(List.of());
        }
        return operation;
    }

    /** Whether the handler takes uploaded files, alone or in a list. */
    private static boolean takesUpload(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(parameter -> {
            ResolvableType type = ResolvableType.forMethodParameter(parameter);
            return MultipartFile.class.isAssignableFrom(type.toClass())
                    || MultipartFile.class.isAssignableFrom(type.getNested(2).toClass());
        });
    }

    private static void addProblem(ApiResponses responses, String status, String description) {
        if (responses.containsKey(status)) {
            return;
        }
        responses.addApiResponse(status, problem(description));
    }

    /** A response whose body is a problem document. */
    static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(PROBLEM_MEDIA_TYPE, new MediaType().schema(new Schema<>().$ref(PROBLEM_SCHEMA))));
    }

    /** A nullable property with an enum: null must be one of the enum's values too, or null would not validate. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void enumWithNull(Schema property) {
        if (property.getEnum() != null
                && Boolean.TRUE.equals(property.getNullable())
                && !property.getEnum().contains(null)) {
            List values = new ArrayList<>(property.getEnum());
            values.add(null);
            property.setEnum(values);
        }
    }

    /**
     * A search hit: any of the record's fields but its copies ({@code fields=} chooses), always its id and link,
     * and the {@link SearchResponse.Match}'s properties, always present.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Schema hitSchema(Schema record) {
        Schema match =
                ModelConverters.getInstance().read(SearchResponse.Match.class).get("Match");
        Schema hit = new ObjectSchema()
                .description("One hit: the record fields asked for with `fields` (by default id, title, publisher,"
                        + " channel, authors, publishedAt, sourceUrl and url), and what the search found");
        Map<String, Schema> recordProperties = record.getProperties();
        HitFields.SELECTABLE.forEach(name -> hit.addProperty(name, recordProperties.get(name)));
        Map<String, Schema> matchProperties = match.getProperties();
        matchProperties.forEach(hit::addProperty);
        List<String> required = new ArrayList<>(List.of("id", "url"));
        required.addAll(matchProperties.keySet());
        hit.setRequired(new ArrayList<>(new TreeSet<>(required)));
        return hit;
    }

    /** Registers the problem document's schema, which no endpoint returns as a Java type. */
    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        Map<String, Schema> schemas = ModelConverters.getInstance().readAll(ProblemDocument.class);
        schemas.forEach(openApi.getComponents()::addSchemas);
        Schema record = openApi.getComponents().getSchemas().get("ArticleRecord");
        if (record != null) {
            openApi.getComponents().addSchemas("Hit", hitSchema(record));
        }
        openApi.getComponents().getSchemas().forEach((name, schema) -> {
            Map<String, Schema> properties = schema.getProperties();
            if (properties == null) {
                return;
            }
            if (COMPLETE.contains(name)) {
                Set<String> required = new TreeSet<>(properties.keySet());
                required.removeAll(ABSENT_WHEN_EMPTY.getOrDefault(name, Set.of()));
                schema.setRequired(new ArrayList<>(required));
            }
            properties.values().forEach(OpenApiContract::enumWithNull);
            NULLABLE.getOrDefault(name, Set.of())
                    .forEach(property -> properties.get(property).setNullable(true));
        });
    }
}
