package org.linkwork.caseload.cases;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkwork.platform.security.Roles;

/** A link worker's own caseload, under {@code /link-workers} beside the coordinator's worker management. */
@Path("/link-workers/me/caseload")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Link workers")
@SecurityRequirement(name = "oidc")
@RolesAllowed(Roles.LINK_WORKER)
public class CaseloadResource {

    private final CaseService cases;

    CaseloadResource(CaseService cases) {
        this.cases = cases;
    }

    @GET
    @Operation(operationId = "getMyCaseload", summary = "My caseload", description = "Counts by status; open cases with no contact for 14 days; plans whose review date is within 7 days or past.")
    public CaseloadView myCaseload() {
        return cases.caseloadOfCaller();
    }
}
