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
    private final int partLimit;

    UnroutedRequestErrors(
            @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize uploadLimit,
            @Value("${server.tomcat.max-part-count:50}") int partLimit) {
        this.uploadLimit = uploadLimit;
        this.partLimit = partLimit;
    }

    /** An upload over the size limit, or with more parts (files) than Tomcat takes in one request. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        ProblemDetail problem;
        if (tooManyParts(e)) {
            problem = ApiErrors.Problem.PAYLOAD_TOO_LARGE.detail("an upload may hold at most " + partLimit
                    + " files (server.tomcat.max-part-count); put more files in a zip, or send them in several"
                    + " requests");
            problem.setProperty("limitFiles", partLimit);
        } else {
            problem = ApiErrors.Problem.PAYLOAD_TOO_LARGE.detail("an upload may hold at most "
                    + uploadLimit.toMegabytes() + " MB (spring.servlet.multipart.max-request-size); send the files"
                    + " in several requests");
            problem.setProperty("limitBytes", uploadLimit.toBytes());
        }
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

    /** Tomcat reports too many parts with its own exception, which Spring files under the size limit. */
    private static boolean tooManyParts(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().equals("FileCountLimitExceededException")) {
                return true;
            }
        }
        return false;
    }
}
