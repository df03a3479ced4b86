package org.linkwork.platform.problem;

import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/**
 * Errors answered by a route handler, before any resource method: the same problem, or on a FHIR route the same
 * OperationOutcome, as the exception mappers write ({@link FhirOutcomes}).
 */
public final class RouteProblems {

    private RouteProblems() {
    }

    /** Ends the response with the problem; headers of its own (Retry-After, Connection) are set before. */
    public static void end(RoutingContext context, Problem problem) {
        boolean fhir = FhirOutcomes.isFhirPath(context.normalizedPath());
        context.response().setStatusCode(problem.status())
                .putHeader("Content-Type", fhir ? FhirOutcomes.MEDIA_TYPE : Problem.MEDIA_TYPE)
                .end(Json.encode(fhir ? FhirOutcomes.of(problem) : problem));
    }
}
