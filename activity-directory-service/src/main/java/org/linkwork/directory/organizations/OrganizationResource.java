package org.linkwork.directory.organizations;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkwork.directory.access.DirectoryAccess;
import org.linkwork.directory.oruk.Page;
import org.linkwork.directory.oruk.Paging;

/** ORUK {@code /organizations}. {@code @PermitAll}: open reads, unless the directory is closed ({@link DirectoryAccess#checkRead()}). */
@Path("/directory/organizations")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
// Declared for clients: anonymous, or a bearer token (which shows capacity, and is needed when the directory is closed).
@SecurityRequirementsSet
@SecurityRequirementsSet(@SecurityRequirement(name = "oidc"))
@Tag(name = "Organizations", description = "Providers of services, mostly voluntary and community organisations")
public class OrganizationResource {

    private static final String EXAMPLE = """
            {"id":"5a4c1d2e-8f3b-4c6a-9d7e-2b1a0c9f8e7d","name":"Headingley Community Trust",
             "description":"Volunteer-run activities for older people in Headingley.","email":"hello@example.org","version":0}""";

    private final DirectoryAccess access;
    private final OrganizationService organizations;

    OrganizationResource(DirectoryAccess access, OrganizationService organizations) {
        this.access = access;
        this.organizations = organizations;
    }

    @GET
    @Operation(operationId = "listOrganizations", summary = "List organizations", description = "Ordered by name.")
    @APIResponse(responseCode = "200", description = "ORUK paginated envelope of organizations")
    @APIResponse(responseCode = "400", description = "Bad page or per_page", content = @Content(mediaType = "application/problem+json"))
    public Page<OrganizationView> list(@Parameter(description = "Page number, from 1") @QueryParam("page") Integer page,
            @Parameter(description = "Items per page, 1 to 200") @QueryParam("per_page") Integer perPage) {
        access.checkRead();
        return organizations.list(Paging.of(page, perPage));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getOrganization", summary = "One organization",
            description = "By id, with its description and contact details.")
    @APIResponse(responseCode = "200", description = "The organization", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "trust", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such organization", content = @Content(mediaType = "application/problem+json"))
    public OrganizationView get(@Parameter(description = "Organization id (UUID)") @PathParam("id") UUID id) {
        access.checkRead();
        return organizations.get(id);
    }
}
