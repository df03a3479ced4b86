package org.linkwork.caseload.cases;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkwork.caseload.access.CaseAccess;
import org.linkwork.caseload.cases.CaseViews.CarePlanView;
import org.linkwork.caseload.cases.CaseViews.CaseView;
import org.linkwork.caseload.cases.CaseViews.ContactView;
import org.linkwork.caseload.network.Network;
import org.linkwork.caseload.suggestions.SuggestionService;
import org.linkwork.caseload.suggestions.SuggestionViews;
import org.linkwork.caseload.suggestions.SuggestionViews.SuggestionsView;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;

@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "A link worker's cases: assignment, contacts, plan, closure")
@SecurityScheme(securitySchemeName = "oidc", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@SecurityRequirement(name = "oidc")
@RolesAllowed({ CaseAccess.LINK_WORKER, CaseAccess.COORDINATOR })
@APIResponse(responseCode = "401", description = "No valid access token")
@APIResponse(responseCode = "403", description = "Role not allowed here (GPs and ICS analysts see no cases)")
@APIResponse(responseCode = "404", description = "No such case, or not one this caller may see", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class CaseResource {

    private final CaseService cases;
    private final CaseAccess access;
    private final Network network;
    private final PrescriptionService prescriptions;
    private final SuggestionService suggestions;

    CaseResource(CaseService cases, CaseAccess access, Network network, PrescriptionService prescriptions,
            SuggestionService suggestions) {
        this.cases = cases;
        this.access = access;
        this.network = network;
        this.prescriptions = prescriptions;
        this.suggestions = suggestions;
    }

    @GET
    @Operation(summary = "List cases", description = "A link worker's own cases; a coordinator's PCN's cases. Optionally by status.")
    public List<CaseView> list(@QueryParam("status") CaseStatus status) {
        List<Case> found;
        if (access.isCoordinator()) {
            found = cases.casesOfPcn(access.coordinatorPcn(), status);
        } else {
            found = network.workerByUsername(access.actor()).map(w -> cases.casesOf(w.id, status)).orElse(List.of());
        }
        found.forEach(c -> access.check(c, "case.list"));
        return found.stream().map(CaseView::of).toList();
    }

    @GET
    @Path("/waiting-list")
    @RolesAllowed(CaseAccess.COORDINATOR)
    @Operation(summary = "The PCN's waiting list", description = "Cases with no free link worker yet: PRIORITY first, then by how long the referral has waited.")
    public List<CaseView> waitingList(@QueryParam("pcn") String pcn) {
        String pcnCode = pcn != null ? pcn : access.coordinatorPcn();
        access.checkCoordinates(pcnCode);
        List<Case> waiting = cases.waitingList(pcnCode);
        waiting.forEach(c -> access.check(c, "case.waiting-list"));
        return waiting.stream().map(CaseView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a case")
    public CaseView get(@PathParam("id") UUID id) {
        return CaseView.of(visible(id, "case.read"));
    }

    @POST
    @Path("/{id}/assign")
    @RolesAllowed(CaseAccess.COORDINATOR)
    @Operation(summary = "Assign or reassign a case by hand", description = "To any active link worker of the case's PCN, even one at their cap.")
    @APIResponse(responseCode = "422", description = "Not an active link worker of the case's PCN", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CaseView assign(@PathParam("id") UUID id, @NotNull @Valid CaseViews.AssignRequest body) {
        visible(id, "case.assign");
        return CaseView.of(cases.assignByHand(id, body.linkWorkerId(), access.actor()));
    }

    @POST
    @Path("/{id}/contacts")
    @Operation(summary = "Record a contact", description = "The first attended contact makes an ASSIGNED case ACTIVE. Emits case.contact-recorded.")
    @APIResponse(responseCode = "201", description = "Contact recorded")
    @APIResponse(responseCode = "409", description = "The case is waiting or closed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response recordContact(@PathParam("id") UUID id, @NotNull @Valid CaseViews.ContactRequest body) {
        visible(id, "case.contact.record");
        Contact contact = cases.recordContact(id, body.toContact(), access.actor());
        return Response.created(URI.create("/cases/" + id + "/contacts/" + contact.id)).entity(ContactView.of(contact)).build();
    }

    @GET
    @Path("/{id}/contacts")
    @Operation(summary = "Contacts of a case, oldest first")
    public List<ContactView> contacts(@PathParam("id") UUID id) {
        visible(id, "case.contacts.read");
        return cases.contacts(id).stream().map(ContactView::of).toList();
    }

    @GET
    @Path("/{id}/plan")
    @Operation(summary = "The case's care and support plan")
    public CarePlanView plan(@PathParam("id") UUID id) {
        visible(id, "case.plan.read");
        return cases.plan(id).map(CarePlanView::of).orElseThrow(() -> ProblemException.notFound("Care plan of case " + id));
    }

    @PUT
    @Path("/{id}/plan")
    @Operation(summary = "Record the \"what matters to me\" conversation and the care and support plan")
    public CarePlanView savePlan(@PathParam("id") UUID id, @NotNull @Valid CarePlanView body) {
        visible(id, "case.plan.write");
        return CarePlanView.of(cases.savePlan(id, body.toPlan(), access.actor()));
    }

    @POST
    @Path("/{id}/close")
    @Operation(summary = "Close a case with a coded reason", description = "Emits case.closed; the freed place is offered to the PCN's waiting list.")
    @APIResponse(responseCode = "409", description = "Already closed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CaseView close(@PathParam("id") UUID id, @NotNull @Valid CaseViews.CloseRequest body) {
        visible(id, "case.close");
        return CaseView.of(cases.close(id, body.reason(), access.actor()));
    }

    @GET
    @Path("/{id}/suggestions")
    @Operation(summary = "Activities to suggest, ranked", description = """
            Searches the activity directory for the case's referral reasons (each mapped to terms of the directory's \
            social prescribing taxonomy), within `linkwork.suggestions.radius-metres` of the patient's postcode and for \
            the patient's age, then ranks: services with places before full ones (full ones stay, last); venues meeting \
            the case's access needs (e.g. step-free for a wheelchair user) first; more of the case's reasons answered \
            first; free before unknown cost before paid; nearer first. Services outside the patient's age range and \
            services already live on this case are left out and listed under `excluded`. Each suggestion says `why`. \
            Suggest one with POST /cases/{id}/prescriptions {serviceId}. Read-only; audited as case.suggestions.read.""")
    @APIResponse(responseCode = "200", description = "Ranked suggestions, best first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SuggestionsView.class),
            examples = @ExampleObject(name = "lonely, inactive wheelchair user", value = SuggestionViews.EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The case is closed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "502", description = "The directory refused the search (4xx)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = """
            The directory is down, too slow (2 s per attempt, one retry) or its circuit breaker is open: answered at \
            once while open. Nothing else about the case is affected.""",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before asking again", schema = @Schema(implementation = Integer.class)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "directory down", value = """
                    {"type":"about:blank","title":"Service Unavailable","status":503,"detail":"The activity directory is not \
                    available, so suggestions cannot be made now. Everything else about the case still works; try again later.",\
                    "instance":"/cases/5b0f7c1e-2f0c-4a57-9a52-1d2f3b4c5d6e/suggestions"}""")))
    public SuggestionsView suggestions(@PathParam("id") UUID id) {
        Case c = visible(id, "case.suggestions.read");
        c.requireOpen();
        java.util.Set<String> live = prescriptions.of(id).stream().filter(p -> p.status.isLive()).map(p -> p.serviceId)
                .collect(java.util.stream.Collectors.toSet());
        return suggestions.suggest(c, live);
    }

    @POST
    @Path("/{id}/prescriptions")
    @Operation(summary = "Suggest an activity (social prescription)", description = "Starts as SUGGESTED. One live prescription per case and service.")
    @APIResponse(responseCode = "201", description = "Suggested")
    @APIResponse(responseCode = "409", description = "Case waiting or closed, or the service is already prescribed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response prescribe(@PathParam("id") UUID id, @NotNull @Valid CaseViews.PrescriptionRequest body) {
        visible(id, "case.prescription.create");
        SocialPrescription prescription = prescriptions.suggest(id, body.serviceId(), body.serviceName(), access.actor());
        return Response.created(URI.create("/cases/" + id + "/prescriptions/" + prescription.id))
                .entity(CaseViews.PrescriptionView.of(prescription)).build();
    }

    @GET
    @Path("/{id}/prescriptions")
    @Operation(summary = "Social prescriptions of a case")
    public List<CaseViews.PrescriptionView> prescriptions(@PathParam("id") UUID id) {
        visible(id, "case.prescriptions.read");
        return prescriptions.of(id).stream().map(CaseViews.PrescriptionView::of).toList();
    }

    @POST
    @Path("/{id}/prescriptions/{prescriptionId}/status")
    @Operation(summary = "Move a social prescription on", description = """
            SUGGESTED -> ACCEPTED | DECLINED; ACCEPTED -> ATTENDING | DECLINED | STOPPED; ATTENDING -> COMPLETED | STOPPED. \
            Accepting emits case.activity-prescribed (the directory counts a place taken); leaving ACCEPTED/ATTENDING \
            for an end emits case.activity-ended.""")
    @APIResponse(responseCode = "409", description = "Not a transition the lifecycle allows", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CaseViews.PrescriptionView movePrescription(@PathParam("id") UUID id, @PathParam("prescriptionId") UUID prescriptionId,
            @NotNull @Valid CaseViews.PrescriptionStatusChange body) {
        visible(id, "case.prescription.update");
        return CaseViews.PrescriptionView.of(prescriptions.move(id, prescriptionId, body.status(), access.actor()));
    }

    private Case visible(UUID id, String action) {
        Case c = cases.get(id);
        access.check(c, action);
        return c;
    }
}
