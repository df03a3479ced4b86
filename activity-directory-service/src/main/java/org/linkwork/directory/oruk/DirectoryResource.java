package org.linkwork.directory.oruk;

import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkwork.directory.access.DirectoryAccess;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The ORUK API root. {@code @PermitAll}: open reads, unless the directory is closed ({@link DirectoryAccess#checkRead()}). */
@Path("/directory")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
// Declared for clients: anonymous, or a bearer token (which shows capacity, and is needed when the directory is closed).
@SecurityRequirementsSet
@SecurityRequirementsSet(@SecurityRequirement(name = "oidc"))
@Tag(name = "API", description = "About this Open Referral UK API")
public class DirectoryResource {

    /** The ORUK 3.0 profile this API follows (HSDS 3.0 with minimum_age, maximum_age and day on /services). */
    public static final String PROFILE = "https://openreferral.org.uk/profile/3.0";

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ApiInfoView(String version, String profile, String openapiUrl) {
    }

    /** Where the gateway publishes this service's OpenAPI document, without a token. */
    static final String OPENAPI_PATH = "/openapi/directory";

    private final DirectoryAccess access;
    private final Optional<String> publicBaseUrl;

    public DirectoryResource(DirectoryAccess access,
            @ConfigProperty(name = "linkwork.directory.public-base-url") Optional<String> publicBaseUrl) {
        this.access = access;
        this.publicBaseUrl = publicBaseUrl;
    }

    @GET
    @Path("/")
    @Operation(operationId = "getApiInfo", summary = "API information", description = "HSDS version and profile, as ORUK validators expect at the API root. "
            + "`openapi_url` is absolute (the ORUK schema asks for a URI) and resolves through the gateway without a token: "
            + "`linkwork.directory.public-base-url` when set, otherwise the scheme and host this request came to.")
    @APIResponse(responseCode = "200", description = "Version and profile", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "info", value = "{\"version\":\"3.0\",\"profile\":\"" + PROFILE
                    + "\",\"openapi_url\":\"https://linkwork.example.nhs.uk" + OPENAPI_PATH + "\"}")))
    public ApiInfoView info(@Context UriInfo request) {
        access.checkRead();
        String base = publicBaseUrl.map(url -> url.replaceAll("/+$", ""))
                .orElseGet(() -> request.getBaseUri().resolve("/").toString().replaceAll("/+$", ""));
        return new ApiInfoView("3.0", PROFILE, base + OPENAPI_PATH);
    }
}
