package org.linkwork.caseload.cases;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.security.Roles;

@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "A link worker's cases: assignment, contacts, plan, closure")
@SecurityRequirement(name = "oidc")
@RolesAllowed({ Roles.LINK_WORKER, Roles.COORDINATOR })
@APIResponse(responseCode = "401", description = "No valid access token")
@APIResponse(responseCode = "403", description = "Role not allowed here (GPs and ICS analysts see no cases)")
@APIResponse(responseCode = "404", description = "No such case, or not one this caller may see", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class CaseResource {

    @Schema(name = "Case", description = "A patient's case: who they are, why referred, who works with them, how far it has got.")
    public record CaseView(UUID id, UUID referralId, CaseStatus status, CasePatient patient, String odsCode,
            String pcnCode, List<String> reasons, Urgency urgency, String referralNotes,
            OffsetDateTime referralReceivedAt, OffsetDateTime openedAt, Worker linkWorker, OffsetDateTime assignedAt,
            OffsetDateTime closedAt, ClosureReason closureReason,
            @Schema(description = "How many safety alerts the referrer sent: read them (GET /cases/{id}/safety-alerts, audited) before a home visit",
                    example = "1") int safetyAlertCount) {

        @Schema(name = "AssignedLinkWorker")
        public record Worker(UUID id, String username, String name) {
        }

        static CaseView of(Case c) {
            return new CaseView(c.id, c.referralId, c.status, c.patient, c.odsCode, c.pcnCode,
                    c.reasons.stream().sorted().toList(), c.urgency, c.referralNotes, c.referralReceivedAt, c.openedAt,
                    c.linkWorker == null ? null : new Worker(c.linkWorker.id, c.linkWorker.username, c.linkWorker.name),
                    c.assignedAt, c.closedAt, c.closureReason, c.safetyAlerts.size());
        }
    }

    @Schema(name = "AssignRequest")
    public record AssignRequest(@NotNull UUID linkWorkerId) {
    }

    @Schema(name = "ContactRequest", description = "An appointment or other contact; attended=false records a DNA.")
    public record ContactRequest(
            @NotNull @PastOrPresent @Schema(example = "2026-11-24T14:00:00Z") OffsetDateTime at,
            @NotNull ContactMode mode,
            @NotNull @Min(1) @Max(480) @Schema(example = "45") Integer durationMinutes,
            @NotNull Boolean attended,
            @Size(max = 2000) @Schema(example = "Talked about the walking group; will try Tuesday.") String note) {

        Contact toContact() {
            Contact contact = new Contact();
            contact.at = at;
            contact.mode = mode;
            contact.durationMinutes = durationMinutes;
            contact.attended = attended;
            contact.note = note;
            return contact;
        }
    }

    @Schema(name = "Contact")
    public record ContactView(UUID id, OffsetDateTime at, ContactMode mode, int durationMinutes, boolean attended,
            String note, String recordedBy) {

        static ContactView of(Contact c) {
            return new ContactView(c.id, c.at, c.mode, c.durationMinutes, c.attended, c.note, c.recordedBy);
        }
    }

    @Schema(name = "CarePlanRequest", description = "What matters to the patient and the personalised care and support plan agreed with them.")
    public record CarePlanRequest(
            @NotBlank @Size(max = 4000) @Schema(example = "Seeing people again; feeling useful") String whatMattersToMe,
            @NotNull @Size(max = 20) List<@NotNull @Valid Goal> goals,
            @Size(max = 4000) @Schema(example = "Try the Tuesday walking group; call back in two weeks") String agreedActions,
            @Schema(example = "2027-01-15") LocalDate reviewDate,
            @Schema(description = """
                    True when the person has agreed this plan: records, once, the coded "personalised care and support \
                    plan agreed" (when and with whom) and emits case.plan-agreed. Absent or false leaves an agreement \
                    already recorded as it is.""", example = "true") Boolean agreed) {

        /** One goal of the plan, in request and response alike. */
        @Schema(name = "Goal")
        public record Goal(@NotNull GoalDomain domain,
                @NotBlank @Size(max = 2000) @Schema(example = "Get out of the house twice a week") String description) {
        }

        void applyTo(CarePlan plan) {
            plan.whatMattersToMe = whatMattersToMe;
            plan.goals.clear();
            goals.forEach(g -> plan.goals.add(new CarePlan.Goal(g.domain(), g.description())));
            plan.agreedActions = agreedActions;
            plan.reviewDate = reviewDate;
        }
    }

    @Schema(name = "CarePlan", description = "What matters to the patient and the personalised care and support plan agreed with them.")
    public record CarePlanView(String whatMattersToMe, List<CarePlanRequest.Goal> goals, String agreedActions,
            LocalDate reviewDate, String updatedBy, OffsetDateTime updatedAt,
            @Schema(description = "When the person agreed the plan; null until they have") OffsetDateTime agreedAt,
            @Schema(description = "Who recorded the agreement") String agreedBy) {

        static CarePlanView of(CarePlan plan) {
            return new CarePlanView(plan.whatMattersToMe,
                    plan.goals.stream().map(g -> new CarePlanRequest.Goal(g.domain(), g.description())).toList(),
                    plan.agreedActions, plan.reviewDate, plan.updatedBy, plan.updatedAt, plan.agreedAt, plan.agreedBy);
        }
    }

    @Schema(name = "CloseRequest")
    public record CloseRequest(@NotNull ClosureReason reason) {
    }

    private final CaseService cases;

    CaseResource(CaseService cases) {
        this.cases = cases;
    }

    @GET
    @Operation(operationId = "listCases", summary = "List cases", description = "A link worker's own cases; a coordinator's PCN's cases. Optionally by status.")
    @APIResponse(responseCode = "200", description = "The cases this caller may see", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CaseView.class)))
    public List<CaseView> list(@QueryParam("status") CaseStatus status) {
        return cases.visibleCases(status).stream().map(CaseView::of).toList();
    }

    @GET
    @Path("/waiting-list")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "getWaitingList", summary = "The PCN's waiting list", description = "Cases with no free link worker yet: PRIORITY first, then by how long the referral has waited.")
    @APIResponse(responseCode = "200", description = "The waiting cases, PRIORITY first, then longest waiting", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CaseView.class)))
    public List<CaseView> waitingList(@QueryParam("pcn") String pcn) {
        return cases.waitingList(pcn).stream().map(CaseView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCase", summary = "Read a case",
            description = "Who the patient is, why they were referred, who works with them and how far the case has got.")
    @APIResponse(responseCode = "200", description = "The case", content = @Content(schema = @Schema(implementation = CaseView.class)))
    public CaseView get(@PathParam("id") UUID id) {
        return CaseView.of(cases.visible(id, "case.read"));
    }

    @POST
    @Path("/{id}/assign")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "assignCase", summary = "Assign or reassign a case by hand", description = "To any active link worker of the case's PCN, even one at their cap.")
    @APIResponse(responseCode = "422", description = "Not an active link worker of the case's PCN", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "The case, assigned", content = @Content(schema = @Schema(implementation = CaseView.class)))
    public CaseView assign(@PathParam("id") UUID id, @NotNull @Valid AssignRequest body) {
        cases.visible(id, "case.assign");
        return CaseView.of(cases.assignByHand(id, body.linkWorkerId()));
    }

    @POST
    @Path("/{id}/contacts")
    @Operation(operationId = "recordContact", summary = "Record a contact", description = "The first attended contact makes an ASSIGNED case ACTIVE. Emits case.contact-recorded.")
    @APIResponse(responseCode = "201", description = "Contact recorded", content = @Content(schema = @Schema(implementation = ContactView.class)))
    @APIResponse(responseCode = "409", description = "The case is waiting or closed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response recordContact(@PathParam("id") UUID id, @NotNull @Valid ContactRequest body) {
        cases.visible(id, "case.contact.record");
        Contact contact = cases.recordContact(id, body.toContact());
        return Response.created(URI.create("/cases/" + id + "/contacts/" + contact.id)).entity(ContactView.of(contact)).build();
    }

    @GET
    @Path("/{id}/contacts")
    @Operation(operationId = "listContacts", summary = "Contacts of a case, oldest first",
            description = "Every appointment or other contact recorded, attended or not (a DNA), with its mode, length and note.")
    @APIResponse(responseCode = "200", description = "The contacts, oldest first", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ContactView.class)))
    public List<ContactView> contacts(@PathParam("id") UUID id) {
        cases.visible(id, "case.contacts.read");
        return cases.contacts(id).stream().map(ContactView::of).toList();
    }

    @GET
    @Path("/{id}/safety-alerts")
    @Operation(operationId = "getSafetyAlerts", summary = "The case's safety and lone-working alerts",
            description = "What the referrer said a link worker must know before visiting the patient alone, in their order. Every read is audited (case.safety-alerts.read).")
    @APIResponse(responseCode = "200", description = "The alerts; empty when the referrer sent none", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SafetyAlert.class)))
    public List<SafetyAlert> safetyAlerts(@PathParam("id") UUID id) {
        return List.copyOf(cases.visible(id, "case.safety-alerts.read").safetyAlerts);
    }

    @GET
    @Path("/{id}/plan")
    @Operation(operationId = "getCarePlan", summary = "The case's care and support plan",
            description = "What matters to the patient, their goals, the actions agreed and the review date; 404 until a plan is recorded.")
    @APIResponse(responseCode = "200", description = "The plan", content = @Content(schema = @Schema(implementation = CarePlanView.class)))
    public CarePlanView plan(@PathParam("id") UUID id) {
        cases.visible(id, "case.plan.read");
        return cases.plan(id).map(CarePlanView::of).orElseThrow(() -> ProblemException.notFound("Care plan of case " + id));
    }

    @PUT
    @Path("/{id}/plan")
    @Operation(operationId = "saveCarePlan", summary = "Record the \"what matters to me\" conversation and the care and support plan",
            description = "Creates the plan or replaces it as sent (goals included), recording who saved it and when.")
    @APIResponse(responseCode = "200", description = "The plan as saved", content = @Content(schema = @Schema(implementation = CarePlanView.class)))
    public CarePlanView savePlan(@PathParam("id") UUID id, @NotNull @Valid CarePlanRequest body) {
        cases.visible(id, "case.plan.write");
        return CarePlanView.of(cases.savePlan(id, body));
    }

    @POST
    @Path("/{id}/close")
    @Operation(operationId = "closeCase", summary = "Close a case with a coded reason", description = "Emits case.closed; the freed place is offered to the PCN's waiting list.")
    @APIResponse(responseCode = "409", description = "Already closed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "The case, closed", content = @Content(schema = @Schema(implementation = CaseView.class)))
    public CaseView close(@PathParam("id") UUID id, @NotNull @Valid CloseRequest body) {
        cases.visible(id, "case.close");
        return CaseView.of(cases.close(id, body.reason()));
    }
}
