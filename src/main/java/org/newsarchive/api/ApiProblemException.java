package org.newsarchive.api;

/**
 * A request refused with one of the API's problem types: 401 without a token, 403 with a wrong one or when writes are
 * off, 415 for a body of the wrong type.
 */
final class ApiProblemException extends RuntimeException {

    private final ApiErrors.Problem problem;

    ApiProblemException(ApiErrors.Problem problem, String message) {
        super(message, null, false, false);
        this.problem = problem;
    }

    ApiErrors.Problem problem() {
        return problem;
    }
}
