package org.linkwork.outcomes.gp;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkwork.outcomes.access.OutcomeAccess;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.security.Roles;

@Path("/outcomes/cases/{caseId}/gp-attendance")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "GP attendance", description = "GP appointments before referral and after closure, as the practice reports them")
@SecurityRequirement(name = "oidc")
@RolesAllowed({ Roles.LINK_WORKER, Roles.COORDINATOR })
@APIResponse(responseCode = "401", description = "No valid access token")
@APIResponse(responseCode = "403", description = "Role not allowed here", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "404", description = "Case unknown here or not the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class GpAttendanceResource {

    private final OutcomeAccess access;
    private final GpAttendanceService attendance;

    GpAttendanceResource(OutcomeAccess access, GpAttendanceService attendance) {
        this.access = access;
        this.attendance = attendance;
    }

    @PUT
    @Operation(operationId = "recordGpAttendance", summary = "Record the practice-reported GP appointment counts", description = """
            Social prescribing aims to reduce GP attendance: the practice reports how many GP appointments the patient \
            had in the 6 months before the referral and in the 6 months after the case closed. The body replaces \
            what was recorded; a count left out is not known yet. `appointmentsAfter` only once caseload-service has \
            announced the case closed (409 naming it before then). A count that is negative, fractional or above 200 \
            -> 422 naming it. A link worker for their own cases, a coordinator for their PCN's; audited. The counts \
            appear in `GET /outcomes/cases/{caseId}` and, once both are known, in the reports.""")
    @RequestBody(content = @Content(schema = @Schema(implementation = GpAttendanceRequest.class), examples = {
            @ExampleObject(name = "At referral", value = "{\"appointmentsBefore\":9}"),
            @ExampleObject(name = "After closure", value = "{\"appointmentsBefore\":9,\"appointmentsAfter\":4}") }))
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(schema = @Schema(implementation = GpAttendanceView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or a count that is not a number", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "`appointmentsAfter` while the case is still open", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A count negative, fractional or above 200", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public GpAttendanceView record(@PathParam("caseId") UUID caseId, @NotNull GpAttendanceRequest request) {
        access.check(caseId, "gp-attendance.record");
        return attendance.record(caseId, request);
    }
}
