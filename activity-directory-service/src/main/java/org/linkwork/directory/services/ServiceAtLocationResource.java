package org.linkwork.directory.services;

import static org.linkwork.directory.oruk.Parameters.uuid;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkwork.directory.access.DirectoryAccess;
import org.linkwork.directory.oruk.Page;
import org.linkwork.directory.oruk.Paging;
import org.linkwork.directory.oruk.Parameters;

/**
 * ORUK {@code /service_at_locations}: where each service is delivered. The list carries the
 * service's one-to-one fields (HSDS {@code service_at_location_list}); one item carries the fully
 * nested service. Text and proximity search are served by {@code /directory/services}. {@code @PermitAll}:
 * open reads, unless the directory is closed ({@link DirectoryAccess#checkRead()}).
 */
@Path("/directory/service_at_locations")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
// Declared for clients: anonymous, or a bearer token (which shows capacity, and is needed when the directory is closed).
@SecurityRequirementsSet
@SecurityRequirementsSet(@SecurityRequirement(name = "oidc"))
@Tag(name = "Services at locations", description = "Open Referral UK read API: where each service is delivered")
public class ServiceAtLocationResource {

    private final DirectoryAccess access;
    private final ServiceCatalogue services;

    ServiceAtLocationResource(DirectoryAccess access, ServiceCatalogue services) {
        this.access = access;
        this.services = services;
    }

    @GET
    @Operation(operationId = "listServiceAtLocations", summary = "List where active services are delivered", description = "Ordered by service name. "
            + "Filters combine with AND.")
    @APIResponse(responseCode = "200", description = "ORUK paginated envelope of service_at_location with location and service")
    @APIResponse(responseCode = "400", description = "A malformed parameter, named in `errors[].field`",
            content = @Content(mediaType = "application/problem+json"))
    public Page<LocatedServiceView> list(
            @Parameter(description = "Only services with this taxonomy term") @QueryParam("taxonomy_term_id") String taxonomyTermId,
            @Parameter(description = "Only services with a term from this taxonomy") @QueryParam("taxonomy_id") String taxonomyId,
            @Parameter(description = "Only services of this organization") @QueryParam("organization_id") String organizationId,
            @Parameter(description = "Only services modified at or after this RFC 3339 date-time (a date alone means its start, UTC)",
                    example = "2026-05-15T09:00:00Z") @QueryParam("modified_after") String modifiedAfter,
            @Parameter(description = "Page number, from 1") @QueryParam("page") Integer page,
            @Parameter(description = "Items per page, 1 to 200") @QueryParam("per_page") Integer perPage) {
        access.checkRead();
        Paging paging = Paging.of(page, perPage);
        return services.locations(uuid("taxonomy_term_id", taxonomyTermId), uuid("taxonomy_id", taxonomyId),
                uuid("organization_id", organizationId), Parameters.dateTime("modified_after", modifiedAfter), paging,
                access.seesCapacity());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getServiceAtLocation", summary = "One service_at_location with its location and fully nested service", description = "Any status.")
    @APIResponse(responseCode = "200", description = "The service at its location")
    @APIResponse(responseCode = "404", description = "No such service_at_location",
            content = @Content(mediaType = "application/problem+json"))
    public LocatedServiceView get(@Parameter(description = "service_at_location id (UUID)") @PathParam("id") UUID id) {
        access.checkRead();
        return services.location(id, access.seesCapacity());
    }
}
