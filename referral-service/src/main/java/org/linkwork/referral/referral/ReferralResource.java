package org.linkwork.referral.referral;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkwork.platform.audit.AuditRecord;
import org.linkwork.platform.audit.AuditTrail;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.security.Roles;
import org.linkwork.referral.access.ReferralAccess;

@Path("/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals", description = "Referrals to social prescribing and their lifecycle")
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "401", description = "No valid access token")
@APIResponse(responseCode = "403", description = "The token's role may not use this endpoint",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
public class ReferralResource {

    static final String EXAMPLE = """
            {"patient":{"nhsNumber":"9434765919","givenName":"Margaret","familyName":"Hughes",
             "dateOfBirth":"1948-03-14","postcode":"LS6 2AB","phone":"0113 496 0000","preferredContact":"PHONE",
             "gender":"female","sex":"FEMALE","ethnicCategory":"A","carerStatus":"NEITHER","livingSituation":"LIVES_ALONE",
             "lsoaCode":"E01011268"},
             "referrer":{"odsCode":"B86043","practitionerName":"Dr Asha Patel","practitionerRole":"GP"},
             "reasons":["LONELINESS","LOW_MOOD"],"urgency":"ROUTINE",
             "consent":{"given":true,"recordedAt":"2026-11-20T10:15:00Z"},
             "notes":"Widowed last year, rarely leaves the house.",
             "safetyAlerts":[{"category":"ANIMALS_AT_ADDRESS","note":"Large dog; ask for it to be shut away before entering"}]}""";

    private final ReferralService referrals;
    private final ReferralIntake intake;
    private final ReferralAccess access;
    private final AuditTrail audit;

    ReferralResource(ReferralService referrals, ReferralIntake intake, ReferralAccess access, AuditTrail audit) {
        this.referrals = referrals;
        this.intake = intake;
        this.access = access;
        this.audit = audit;
    }

    @POST
    @RolesAllowed({ Roles.GP, Roles.NHS_SERVICE })
    @Operation(operationId = "submitReferral", summary = "Refer a patient", description = """
            Creates a referral. The NHS number must carry a valid Modulus 11 check digit, the postcode be a UK \
            postcode, the date of birth not in the future, and the patient's consent be given (otherwise 422 and \
            nothing is stored). A GP token refers only for its own practice (claim `ods`). With \
            `linkwork.triage.auto-accept` (default true) a referral from a practice in the network is accepted at \
            once; one from any other practice stays RECEIVED until a coordinator accepts or rejects it. Send an \
            `Idempotency-Key` so that a retry after a network failure returns the original referral instead of \
            creating a second one.""")
    @RequestBody(content = @Content(schema = @Schema(implementation = ReferralRequest.class),
            examples = @ExampleObject(name = "routine", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Referral created (or, for a retried Idempotency-Key, the original returned)",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid fields, named in `errors`",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The patient already has an open referral (its id is in `detail`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Consent not given, or Idempotency-Key reused for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response create(@NotNull @Valid ReferralRequest request,
            @Parameter(description = "Client-chosen key identifying this referral request across retries", example = "emis-4f1c9a")
            @HeaderParam("Idempotency-Key") @Size(min = 1, max = 255) String idempotencyKey) {
        ReferralService.Outcome outcome = intake.receive(request, idempotencyKey, ReferralSource.JSON);
        return Response.created(URI.create("/referrals/" + outcome.referral().id))
                .header("Idempotent-Replayed", outcome.replayed())
                .entity(ReferralView.of(outcome.referral())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.GP, Roles.COORDINATOR, Roles.LINK_WORKER })
    @Operation(operationId = "getReferral", summary = "Read a referral", description = """
            A GP reads their practice's referrals, a link worker those of their cases, a coordinator those of their \
            PCN (claim `pcn`) and those from organisations outside the network. Others get 404.""")
    @APIResponse(responseCode = "200", description = "The referral", content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "404", description = "No such referral, or not one this caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ReferralView get(@PathParam("id") UUID id) {
        return ReferralView.of(referrals.readable(id, "referral.read"));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.GP, Roles.COORDINATOR, Roles.LINK_WORKER })
    @Operation(operationId = "getReferralHistory", summary = "Status history of a referral",
            description = "Every status change, oldest first, with time, actor and reason.")
    @APIResponse(responseCode = "200", description = "The status changes, oldest first",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = StatusChangeView.class)))
    @APIResponse(responseCode = "404", description = "No such referral, or not one this caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<StatusChangeView> history(@PathParam("id") UUID id) {
        return referrals.readable(id, "referral.history.read").history().stream().map(StatusChangeView::of).toList();
    }

    @GET
    @RolesAllowed({ Roles.GP, Roles.COORDINATOR, Roles.LINK_WORKER })
    @Operation(operationId = "listReferrals", summary = "List referrals", description = """
            Newest first. A GP sees only their practice's referrals (an `odsCode` filter for another practice \
            is refused), a link worker those of their cases, a coordinator those of their PCN's practices and of \
            organisations outside the network (filters narrow that scope, never widen it).""")
    @APIResponse(responseCode = "200", description = "A page of referrals, newest first",
            content = @Content(schema = @Schema(implementation = ReferralView.Page.class)))
    @APIResponse(responseCode = "400", description = "An invalid filter or paging value, named in `errors`",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ReferralView.Page list(@QueryParam("status") ReferralStatus status,
            @QueryParam("odsCode") @Pattern(regexp = "^[A-Z0-9]{3,6}$", message = "is not an ODS code") String odsCode,
            @Parameter(description = "Received at or after", example = "2026-11-01T00:00:00Z") @QueryParam("from") OffsetDateTime from,
            @Parameter(description = "Received before", example = "2026-12-01T00:00:00Z") @QueryParam("to") OffsetDateTime to,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        ReferralService.Page result = referrals.search(status, odsCode, from, to, page, size);
        return new ReferralView.Page(result.items().stream().map(ReferralView::of).toList(), page, size, result.total());
    }

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "acceptReferral", summary = "Accept a referral at triage", description = "RECEIVED -> ACCEPTED; any other status gives 409.")
    @APIResponse(responseCode = "200", description = "The accepted referral", content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "404", description = "No such referral, or not one this caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Not in a status that can be accepted", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ReferralView accept(@PathParam("id") UUID id) {
        return change(id, "referral.accept", actor -> referrals.accept(id, actor));
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "rejectReferral", summary = "Reject a referral at triage", description = "RECEIVED -> REJECTED with a coded reason.")
    @APIResponse(responseCode = "200", description = "The rejected referral", content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "400", description = "No reason, or an invalid one, named in `errors`", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such referral, or not one this caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Not in a status that can be rejected", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ReferralView reject(@PathParam("id") UUID id, @NotNull @Valid RejectRequest body) {
        return change(id, "referral.reject", actor -> referrals.reject(id, actor, body.reason(), body.note()));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.GP, Roles.COORDINATOR })
    @Operation(operationId = "cancelReferral", summary = "Cancel a referral", description = """
            From any open status (RECEIVED, ACCEPTED, ASSIGNED, IN_PROGRESS) to CANCELLED, with a coded reason and \
            an optional note (kept in the history, never published). A referral that already has a case makes \
            caseload-service close the case (reason REFERRAL_CANCELLED): its activities end, so their places return \
            to the directory, and the link worker's place goes to the PCN's waiting list.""")
    @APIResponse(responseCode = "200", description = "The cancelled referral", content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "400", description = "No reason, or an invalid one, named in `errors`", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such referral, or not one this caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The referral is already closed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ReferralView cancel(@PathParam("id") UUID id, @NotNull @Valid CancelRequest body) {
        return change(id, "referral.cancel", actor -> referrals.cancel(id, actor, body.reason(), body.note()));
    }

    /** A referral the caller may not see is 404 before any change; the change is audited once committed. */
    private ReferralView change(UUID id, String action, Function<String, Referral> change) {
        referrals.readable(id, action);
        Referral referral = change.apply(access.actor());
        referrals.audited(action, referral);
        return ReferralView.of(referral);
    }

    @GET
    @Path("/audit")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(operationId = "listPatientReferralAccess", summary = "Who accessed a patient's referrals (this service only)",
            deprecated = true, description = """
            Audit records of referral-service alone for one NHS number, newest first, kept for callers written \
            against it. GET /audit answers the same question for every service of the suite.""")
    @APIResponse(responseCode = "200", description = "Audit records, newest first",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AuditEntryView.class)))
    @APIResponse(responseCode = "400", description = "No NHS number, or not a valid one", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<AuditEntryView> auditTrail(@QueryParam("nhsNumber") @NotNull @ValidNhsNumber String nhsNumber,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return audit.forPatient(NhsNumber.normalise(nhsNumber), page, size).stream().map(AuditEntryView::of).toList();
    }

    @Schema(name = "AuditEntry")
    public record AuditEntryView(OffsetDateTime at, String actor, String roles, String action, String resourceId,
            AuditRecord.Outcome outcome) {
        static AuditEntryView of(AuditRecord r) {
            return new AuditEntryView(r.occurredAt(), r.actor(), r.roles(), r.action(), r.resourceId(), r.outcome());
        }
    }
}
