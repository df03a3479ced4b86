package org.linkwork.caseload.suggestions;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.linkwork.platform.problem.Problem;

/** The directory being down, slow or behind an open breaker: 503 problem+json with Retry-After. */
public class DirectoryUnavailableMapper {

    @ConfigProperty(name = "linkwork.suggestions.retry-after-seconds", defaultValue = "30")
    int retryAfterSeconds;

    @ServerExceptionMapper
    public Response unavailable(DirectoryException.Unavailable e, UriInfo uri) {
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", retryAfterSeconds)
                .entity(Problem.of(503, "Service Unavailable", "The activity directory is not available, so suggestions "
                        + "cannot be made now. Everything else about the case still works; try again later.")
                        .withInstance(uri.getPath()))
                .build();
    }
}
