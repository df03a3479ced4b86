package org.linkwork.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

/**
 * The suite's rule for FHIR routes: an error on a path under {@code /fhir} is a FHIR R4
 * OperationOutcome, also when no FHIR resource method was reached (an unknown path, a wrong
 * method, an oversized body), so a FHIR client can always read it.
 */
final class FhirOutcomes {

    static final String MEDIA_TYPE = "application/fhir+json";

    private FhirOutcomes() {
    }

    static boolean isFhirPath(String path) {
        return path != null && (path.equals("/fhir") || path.startsWith("/fhir/"));
    }

    /** The problem as an OperationOutcome with one issue; the first field at fault is its expression. */
    static Map<String, Object> of(Problem problem) {
        Map<String, Object> issue = new LinkedHashMap<>();
        issue.put("severity", "error");
        issue.put("code", issueCode(problem.status()));
        issue.put("diagnostics", problem.detail() != null ? problem.detail() : problem.title());
        if (problem.errors() != null && !problem.errors().isEmpty()) {
            issue.put("expression", List.of(problem.errors().get(0).field()));
        }
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("resourceType", "OperationOutcome");
        outcome.put("issue", List.of(issue));
        return outcome;
    }

    /** The answer to an error: a problem, or on a FHIR route an OperationOutcome. */
    static Response.ResponseBuilder response(Problem problem, String path) {
        return isFhirPath(path) ? Response.status(problem.status()).type(MEDIA_TYPE).entity(of(problem))
                : Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    /** The code system of OperationOutcome.issue.code (FHIR R4 IssueType). */
    static String issueCode(int status) {
        return switch (status) {
            case 401, 403 -> "security";
            case 404 -> "not-found";
            case 409 -> "conflict";
            case 413 -> "too-long";
            case 405, 406, 415 -> "not-supported";
            case 429 -> "throttled";
            case 503 -> "transient";
            default -> status >= 500 ? "exception" : "invalid";
        };
    }
}
