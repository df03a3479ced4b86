package org.linkwork.caseload.prescriptions;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkwork.caseload.cases.CaseService;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.security.Roles;

@Path("/cases/{id}/prescriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
@SecurityRequirement(name = "oidc")
@RolesAllowed({ Roles.LINK_WORKER, Roles.COORDINATOR })
@APIResponse(responseCode = "401", description = "No valid access token")
@APIResponse(responseCode = "403", description = "Role not allowed here (GPs and ICS analysts see no cases)")
@APIResponse(responseCode = "404", description = "No such case, or not one this caller may see", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class PrescriptionResource {

    @Schema(name = "PrescriptionRequest", description = "Suggest a directory service (activity) to the patient.")
    public record PrescriptionRequest(
            @NotBlank @Size(max = 100) @Schema(description = "The directory's service id", example = "3f1c2e7a-walking-group") String serviceId,
            @Size(max = 255) @Schema(example = "Beeston Tuesday Walk") String serviceName) {
    }

    @Schema(name = "PrescriptionStatusChange")
    public record PrescriptionStatusRequest(@NotNull PrescriptionStatus status) {
    }

    @Schema(name = "SocialPrescription")
    public record PrescriptionView(UUID id, String serviceId, String serviceName,
            @Schema(description = "Kinds of activity: codes of the directory's social prescribing taxonomy terms of the "
                    + "service, as the directory gave them when it was suggested; empty when the directory did not know "
                    + "the service or could not be reached", example = "[\"walking\", \"peer-support\"]") List<String> taxonomyTerms,
            PrescriptionStatus status, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        static PrescriptionView of(SocialPrescription p) {
            return new PrescriptionView(p.id, p.serviceId, p.serviceName, p.taxonomyTerms, p.status, p.createdBy,
                    p.createdAt, p.updatedAt);
        }
    }

    private final PrescriptionService prescriptions;
    private final CaseService cases;

    PrescriptionResource(PrescriptionService prescriptions, CaseService cases) {
        this.prescriptions = prescriptions;
        this.cases = cases;
    }

    @POST
    @Operation(operationId = "suggestActivity", summary = "Suggest an activity (social prescription)", description = """
            Starts as SUGGESTED. One live prescription per case and service. The service's kinds of activity \
            (`taxonomyTerms`) are read from the activity directory; a directory that does not know the service or \
            cannot be reached does not stop the suggestion, which then has none.""")
    @APIResponse(responseCode = "201", description = "Suggested", content = @Content(schema = @Schema(implementation = PrescriptionView.class)))
    @APIResponse(responseCode = "409", description = "Case waiting or closed, or the service is already prescribed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response prescribe(@PathParam("id") UUID id, @NotNull @Valid PrescriptionRequest body) {
        cases.visible(id, "case.prescription.create");
        SocialPrescription prescription = prescriptions.suggest(id, body.serviceId(), body.serviceName());
        return Response.created(URI.create("/cases/" + id + "/prescriptions/" + prescription.id))
                .entity(PrescriptionView.of(prescription)).build();
    }

    @GET
    @Operation(operationId = "listSocialPrescriptions", summary = "Social prescriptions of a case",
            description = "Every activity suggested to the patient, with its status in the prescription lifecycle.")
    @APIResponse(responseCode = "200", description = "The social prescriptions", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = PrescriptionView.class)))
    public List<PrescriptionView> prescriptions(@PathParam("id") UUID id) {
        cases.visible(id, "case.prescriptions.read");
        return prescriptions.of(id).stream().map(PrescriptionView::of).toList();
    }

    @POST
    @Path("/{prescriptionId}/status")
    @Operation(operationId = "changeSocialPrescriptionStatus", summary = "Move a social prescription on", description = """
            SUGGESTED -> ACCEPTED | DECLINED; ACCEPTED -> ATTENDING | DECLINED | STOPPED; ATTENDING -> COMPLETED | STOPPED. \
            Accepting emits case.activity-prescribed, v1 and v2 with the kinds of activity (the directory counts a place \
            taken); leaving ACCEPTED/ATTENDING for an end emits case.activity-ended.""")
    @APIResponse(responseCode = "409", description = "Not a transition the lifecycle allows", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "The social prescription in its new status", content = @Content(schema = @Schema(implementation = PrescriptionView.class)))
    public PrescriptionView move(@PathParam("id") UUID id, @PathParam("prescriptionId") UUID prescriptionId,
            @NotNull @Valid PrescriptionStatusRequest body) {
        cases.visible(id, "case.prescription.update");
        return PrescriptionView.of(prescriptions.move(id, prescriptionId, body.status()));
    }
}
