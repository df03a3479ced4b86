package org.linkwork.platform.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Refused requests answer {@code application/problem+json} like every other error, in every
 * service alike (an OperationOutcome on a FHIR route); 401 keeps the bearer challenge.
 */
public class SecurityProblems {

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return FhirOutcomes.response(
                Problem.of(401, "Unauthorized", "A valid bearer token is required").withInstance(uri.getPath()),
                uri.getPath()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        String detail = e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage()
                : "Your role does not allow this request";
        return FhirOutcomes.response(Problem.of(403, "Forbidden", detail).withInstance(uri.getPath()), uri.getPath())
                .build();
    }
}
