package org.linkwork.platform.problem;

import java.util.List;

/**
 * Thrown by services for an expected failure the caller can act on; answered as
 * {@code application/problem+json} with its status.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(Problem.of(400, "Invalid request", field + ": " + message)
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "Not found", what + " was not found"));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "Conflict", detail));
    }

    /** The request is well formed but breaks a rule of the domain (e.g. consent not given). */
    public static ProblemException unprocessable(String field, String message) {
        return new ProblemException(Problem.of(422, "Request cannot be processed", field + ": " + message)
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }
}
