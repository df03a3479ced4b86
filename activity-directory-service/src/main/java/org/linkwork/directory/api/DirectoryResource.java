package org.linkwork.directory.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkwork.directory.access.ReadAccess;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

@Path("/directory")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API", description = "About this Open Referral UK API")
public class DirectoryResource {

    /** The ORUK 3.0 profile this API follows (HSDS 3.0 with minimum_age, maximum_age and day on /services). */
    public static final String PROFILE = "https://openreferral.org.uk/profile/3.0";

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ApiInfo(String version, String profile, String openapiUrl) {
    }

    @Inject
    ReadAccess access;

    @GET
    @Path("/")
    @Operation(summary = "API information", description = "HSDS version and profile, as ORUK validators expect at the API root.")
    @APIResponse(responseCode = "200", description = "Version and profile", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "info", value = "{\"version\":\"3.0\",\"profile\":\"" + PROFILE
                    + "\",\"openapi_url\":\"/q/openapi\"}")))
    public ApiInfo info() {
        access.check();
        return new ApiInfo("3.0", PROFILE, "/q/openapi");
    }
}
