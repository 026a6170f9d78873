package org.newsarchive.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks an API answer against the OpenAPI description the server itself serves at {@code /v3/api-docs}, with
 * Atlassian's swagger-request-validator: the status must be documented for the operation, the content type among
 * the documented ones, and the body must match the schema, nulls and enums included. So the description cannot
 * drift from what the server sends. Answers to addresses or methods the description has no operation for (a 404 for
 * an unknown address, a 405) have nothing to be checked against and pass. Thread-safe once built.
 */
public final class ApiContract {

    /** Messages that say the description has no operation to check the answer against. */
    private static final Set<String> NO_OPERATION = Set.of(
            "validation.response.path.missing",
            "validation.response.operation.notAllowed",
            "validation.request.operation.notAllowed",
            "validation.request.path.missing");

    /** Record streams, where an empty body is the answer of no match, not a missing one. */
    private static final Set<String> STREAMS = Set.of("application/x-ndjson", "text/csv");

    private final OpenApiInteractionValidator validator;

    private ApiContract(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    /** The contract served by the archive on {@code port}. */
    public static ApiContract servedOn(int port) throws IOException, InterruptedException {
        HttpResponse<String> docs = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).as("/v3/api-docs").isEqualTo(200);
        return new ApiContract(OpenApiInteractionValidator.createForInlineApiSpecification(docs.body())
                .build());
    }

    /**
     * Fails when the answer to {@code method path} breaks the description.
     *
     * @param path the address without its query string
     */
    public void check(String method, String path, int status, Map<String, List<String>> headers, String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.forEach((name, values) -> {
            if (!name.equals(":status")) {
                response.withHeader(name, values);
            }
        });
        if (body != null) {
            response.withBody(body);
        }
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method), response.build());
        List<ValidationReport.Message> breaches = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> !NO_OPERATION.contains(message.getKey()))
                .filter(message -> !(message.getKey().equals("validation.response.body.missing")
                        && body != null
                        && body.isEmpty()
                        && isStream(headers)))
                .toList();
        assertThat(breaches)
                .as(
                        "%s %s answered %d, which breaks /v3/api-docs:%n%s",
                        method,
                        path,
                        status,
                        breaches.stream()
                                .map(message -> message.getKey() + ": " + message.getMessage())
                                .collect(Collectors.joining("\n")))
                .isEmpty();
    }

    private static boolean isStream(Map<String, List<String>> headers) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Content-Type"))
                .flatMap(header -> header.getValue().stream())
                .anyMatch(type -> STREAMS.stream().anyMatch(type::startsWith));
    }

    /** {@link #check} for an answer of Java's HTTP client whose body was read as text. */
    public void check(HttpResponse<String> answer) {
        URI uri = answer.request().uri();
        check(
                answer.request().method(),
                uri.getRawPath(),
                answer.statusCode(),
                answer.headers().map(),
                answer.body());
    }
}
