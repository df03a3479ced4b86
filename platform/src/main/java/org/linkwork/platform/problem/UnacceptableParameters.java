package org.linkwork.platform.problem;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Query and path parameters and request headers are checked against {@link UnacceptableText}, and
 * path parameters must not be empty, before any resource runs: a NUL in {@code ?text=} is a 400
 * naming the parameter, whatever the resource does with it. Thrown as a {@link ProblemException}
 * so that a resource with its own error format (the FHIR facade) answers it in that format.
 */
public class UnacceptableParameters {

    @ServerRequestFilter
    public void refuseUnacceptableText(ContainerRequestContext request) {
        MultivaluedMap<String, String> pathParameters = request.getUriInfo().getPathParameters();
        // "/services/" matches "/services/{id}" with an empty id, which converts to null and fails deep inside.
        pathParameters.forEach((name, values) -> values.stream().filter(String::isBlank).findAny().ifPresent(blank -> {
            throw ProblemException.badRequest(name, "must not be empty");
        }));
        check(pathParameters, "");
        check(request.getUriInfo().getQueryParameters(), "");
        check(request.getHeaders(), "header ");
    }

    private static void check(MultivaluedMap<String, String> parameters, String kind) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            UnacceptableText.refusal(name).ifPresent(reason -> {
                throw ProblemException.badRequest(kind + "name", reason);
            });
            for (String value : parameter.getValue()) {
                UnacceptableText.refusal(value).ifPresent(reason -> {
                    throw ProblemException.badRequest(kind + name, reason);
                });
            }
        }
    }
}
