package org.linkwork.referral.fhir;

import java.net.URI;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * FHIR names its operations with a leading {@code $} ({@code /fhir/$process-message}), which some HTTP clients
 * (REST Assured, Java URI builders) send percent-encoded as {@code %24}. Routes are matched on the path as sent,
 * so such a request would be a 404: the {@code $} is restored before matching.
 */
public class FhirOperationPaths {

    private static final String ENCODED_OPERATION = "/fhir/%24";

    @ServerRequestFilter(preMatching = true)
    public void decodeOperationName(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        if (path != null && path.regionMatches(true, 0, ENCODED_OPERATION, 0, ENCODED_OPERATION.length())) {
            // The rest of the path and the query stay as sent (still encoded), so the URI stays valid.
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            request.setRequestUri(uri.resolve("/fhir/$" + path.substring(ENCODED_OPERATION.length()) + query));
        }
    }
}
