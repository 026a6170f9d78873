package org.newsarchive.api;

/** A write request without the right credentials: 401 without a token, 403 with a wrong one or when writes are off. */
final class ApiAccessException extends RuntimeException {

    private final ApiErrors.Problem problem;

    ApiAccessException(ApiErrors.Problem problem, String message) {
        super(message, null, false, false);
        this.problem = problem;
    }

    ApiErrors.Problem problem() {
        return problem;
    }
}
