package org.linkwork.caseload.directory;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.quarkus.rest.client.reactive.jackson.ClientObjectMapper;

/**
 * activity-directory-service's ORUK service search ({@code GET /directory/services}) and service read
 * ({@code GET /directory/services/{id}}), called with caseload-service's own client-credentials token.
 * Base URL: {@code quarkus.rest-client.directory.url}. A parameter left null is not sent.
 */
@RegisterRestClient(configKey = "directory")
@OidcClientFilter
@Produces(MediaType.APPLICATION_JSON)
public interface DirectoryClient {

    @GET
    @Path("/directory/services")
    OrukPage search(@QueryParam("taxonomy_term_id") String taxonomyTermId, @QueryParam("postcode") String postcode,
            @QueryParam("proximity") Integer proximityMetres, @QueryParam("minimum_age") Integer minimumAge,
            @QueryParam("maximum_age") Integer maximumAge, @QueryParam("per_page") Integer perPage);

    /** One service, fully nested; 404 when the directory does not know it. */
    @GET
    @Path("/directory/services/{id}")
    OrukPage.Service service(@PathParam("id") String id);

    /** ORUK's snake_case JSON; fields this reading does not know are ignored. */
    @ClientObjectMapper
    static ObjectMapper objectMapper(ObjectMapper defaultObjectMapper) {
        return defaultObjectMapper.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** 4xx: the directory refused this request (not worth retrying); 5xx: it is unwell. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        if (status >= 500) {
            return new DirectoryException.Failed("The directory answered " + status);
        }
        if (status >= 400) {
            return new DirectoryException.Refused(status);
        }
        return null;
    }
}
