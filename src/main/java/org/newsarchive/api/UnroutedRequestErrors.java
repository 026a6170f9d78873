package org.newsarchive.api;

import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Problem documents for the requests that fail before any endpoint is chosen, which {@link ApiErrors} (bound to the
 * API's endpoints) never sees: an upload over the size limit, found while the body is read, and an {@code Accept}
 * header that no endpoint at the address can answer, such as {@code /feed.atom} asked for JSON. Without this they
 * were an empty 413 and Spring Boot's own error JSON.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnroutedRequestErrors {

    private final DataSize uploadLimit;

    UnroutedRequestErrors(@Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize uploadLimit) {
        this.uploadLimit = uploadLimit;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        ProblemDetail problem = ApiErrors.Problem.PAYLOAD_TOO_LARGE.detail("an upload may hold at most "
                + uploadLimit.toMegabytes() + " MB (spring.servlet.multipart.max-request-size); send the files in"
                + " several requests");
        problem.setProperty("limitBytes", uploadLimit.toBytes());
        return ResponseEntity.status(ApiErrors.Problem.PAYLOAD_TOO_LARGE.status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        String supported =
                e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "));
        return ResponseEntity.status(ApiErrors.Problem.NOT_ACCEPTABLE.status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ApiErrors.Problem.NOT_ACCEPTABLE.detail(
                        "cannot answer in a type the Accept header allows; this address answers " + supported));
    }
}
