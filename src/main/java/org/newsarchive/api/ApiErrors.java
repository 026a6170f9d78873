package org.newsarchive.api;

import java.net.URI;
import java.util.Locale;
import org.apache.catalina.connector.ClientAbortException;
import org.newsarchive.request.InvalidParameterException;
import org.newsarchive.request.NotFoundException;
import org.newsarchive.search.InvalidCursorException;
import org.newsarchive.search.SearchUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as an RFC 9457 {@code application/problem+json} document with a stable {@code type}, a human
 * {@code title} and a {@code detail} that is safe to show: it names the bad parameter, never internals. Unexpected
 * failures are logged and answered with a plain 500 problem. Spring's own request errors (a missing parameter, a
 * wrong method, an upload over the limit) come through {@link ResponseEntityExceptionHandler} in the same shape.
 */
@RestControllerAdvice(basePackages = "org.newsarchive.api")
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    private static final int RETRY_AFTER_SECONDS = 30;

    /** The problem types the API answers with, each a stable URI. */
    enum Problem {
        INVALID_PARAMETER(HttpStatus.BAD_REQUEST, "Invalid parameter"),
        NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
        METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
        NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
        UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
        PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large"),
        UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "Authentication required"),
        FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden"),
        INVALID_UPLOAD(HttpStatus.BAD_REQUEST, "Invalid upload"),
        UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Search unavailable"),
        SERVER_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Server error");

        final HttpStatus status;
        final String title;

        Problem(HttpStatus status, String title) {
            this.status = status;
            this.title = title;
        }

        URI type() {
            return URI.create("urn:news-archive:problem:"
                    + name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }

        ProblemDetail detail(String detail) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setType(type());
            problem.setTitle(title);
            return problem;
        }
    }

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail invalidParameter(InvalidParameterException e) {
        ProblemDetail problem = Problem.INVALID_PARAMETER.detail(e.getMessage());
        problem.setProperty("parameter", e.parameter());
        return problem;
    }

    @ExceptionHandler(InvalidCursorException.class)
    ProblemDetail invalidCursor(InvalidCursorException e) {
        return invalidParameter(new InvalidParameterException("cursor", e.getMessage()));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return Problem.NOT_FOUND.detail(e.getMessage());
    }

    @ExceptionHandler(ApiProblemException.class)
    ResponseEntity<ProblemDetail> refused(ApiProblemException e) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.problem().status);
        if (e.problem() == Problem.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.body(e.problem().detail(e.getMessage()));
    }

    @ExceptionHandler(InvalidUploadException.class)
    ProblemDetail invalidUpload(InvalidUploadException e) {
        return Problem.INVALID_UPLOAD.detail(e.getMessage());
    }

    /** The engine cannot answer for now (a SolrCloud shard with no live replica): worth a retry, not a bug. */
    @ExceptionHandler(SearchUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(SearchUnavailableException e) {
        log.warn("Search unavailable: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .body(Problem.UNAVAILABLE.detail("The search engine cannot answer right now; try again shortly."));
    }

    /**
     * The client went away mid-answer (a script stopped reading an export): nothing to answer and nothing wrong with
     * the archive, so one line at DEBUG.
     */
    @ExceptionHandler(ClientAbortException.class)
    void clientGone(ClientAbortException e) {
        log.debug("Client disconnected before the answer was complete: {}", e.getMessage());
    }

    /** The same as {@link #clientGone}, as Spring reports it for an answer written asynchronously (an export). */
    @Override
    protected ResponseEntity<Object> handleAsyncRequestNotUsableException(
            AsyncRequestNotUsableException e, WebRequest request) {
        log.debug("Client disconnected before the answer was complete: {}", e.getMessage());
        return null;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail failure(Exception e) {
        log.error("API request failed", e);
        return Problem.SERVER_ERROR.detail("The request could not be completed; the failure was logged.");
    }

    /** A required parameter is missing: the same problem as any other invalid parameter, naming it. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = invalidParameter(new InvalidParameterException(e.getParameterName(), "is required"));
        return createResponseEntity(problem, headers, status, request);
    }

    /** A parameter that does not convert ({@code size=abc}): an invalid parameter, named, with the value. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name =
                e instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : e.getPropertyName();
        String expected = e.getRequiredType() == null ? "another type" : typeName(e.getRequiredType());
        ProblemDetail problem =
                invalidParameter(new InvalidParameterException(name, "must be " + expected + ", was: " + e.getValue()));
        return createResponseEntity(problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String typeName(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return "a " + type.getSimpleName();
    }

    /** Spring's own request errors: keep their status, give them a stable type and no internals. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || problem.getType().equals(URI.create("about:blank")))) {
            problem.setType(URI.create("urn:news-archive:problem:http-" + statusCode.value()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }
}
