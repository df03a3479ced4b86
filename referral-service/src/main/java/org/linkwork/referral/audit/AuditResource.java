package org.linkwork.referral.audit;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkwork.platform.audit.AuditRecord.Outcome;
import org.linkwork.platform.audit.AuditTrail;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.security.Roles;
import org.linkwork.referral.referral.NhsNumber;
import org.linkwork.referral.referral.ValidNhsNumber;

@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who read or changed patient data, in every service of the suite")
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "401", description = "No valid access token")
@APIResponse(responseCode = "403", description = "Only auditors read the audit trail",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
public class AuditResource {

    /** Java's \\p{Cntrl} spelt as a range, which JSON Schema (ECMA-262) patterns in the OpenAPI document also read. */
    static final String NO_CONTROL_CHARACTERS = "^[^\\x00-\\x1F\\x7F]*$";

    private final AuditService trail;
    private final AuditTrail audit;

    AuditResource(AuditService trail, AuditTrail audit) {
        this.trail = trail;
        this.audit = audit;
    }

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Operation(operationId = "searchAuditTrail", summary = "Search the suite's audit trail", description = """
            Audit records of all services (referral, caseload, outcomes; the directory holds no patient data), \
            newest first: by patient (`nhsNumber`: who read or changed this patient's data, anywhere), by user \
            (`actor`: what did this user touch), or both, optionally between `from` (inclusive) and `to` \
            (exclusive). outcomes-service records name the case; their NHS number is resolved through the \
            referral the case was opened for. Records arrive through `audit-events`, normally within seconds. \
            Every search is itself recorded (action `audit.search`).""")
    @APIResponse(responseCode = "200", description = "A page of audit records, newest first",
            content = @Content(schema = @Schema(implementation = AuditPageView.class)))
    @APIResponse(responseCode = "400", description = "Neither nhsNumber nor actor, an invalid value, or `to` not after `from`; the field is named in `errors`",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AuditPageView search(
            @Parameter(description = "The patient's NHS number (spaces allowed)", example = "943 476 5919")
            @QueryParam("nhsNumber") @ValidNhsNumber String nhsNumber,
            @Parameter(description = "User name or machine client that acted", example = "lw-amira")
            @QueryParam("actor") @Size(min = 1, max = 200) @Pattern(regexp = NO_CONTROL_CHARACTERS, message = "must not contain control characters") String actor,
            @Parameter(description = "Occurred at or after", example = "2026-11-01T00:00:00Z") @QueryParam("from") OffsetDateTime from,
            @Parameter(description = "Occurred before", example = "2026-12-01T00:00:00Z") @QueryParam("to") OffsetDateTime to,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        if (nhsNumber == null && actor == null) {
            String message = "nhsNumber or actor is required";
            throw new ProblemException(Problem.of(400, "Invalid request", message).withErrors(
                    List.of(new Problem.FieldError("actor", message), new Problem.FieldError("nhsNumber", message))));
        }
        if (from != null && to != null && !to.isAfter(from)) {
            throw ProblemException.badRequest("to", "must be after from");
        }
        String patient = NhsNumber.normalise(nhsNumber);
        audit.record("audit.search", "AuditTrail", actor, patient, Outcome.SUCCESS);
        AuditService.Page found = trail.search(patient, actor, from, to, page, size);
        return new AuditPageView(found.items().stream().map(AuditEntryView::of).toList(), page, size, found.total());
    }

    @Schema(name = "SuiteAuditPage")
    public record AuditPageView(List<AuditEntryView> items, int page, int size, long total) {
    }

    @Schema(name = "SuiteAuditEntry")
    public record AuditEntryView(
            @Schema(description = "The service that recorded it", example = "caseload-service") String service,
            OffsetDateTime occurredAt,
            @Schema(example = "lw-amira") String actor,
            @Schema(example = "[\"link-worker\"]") List<String> roles,
            @Schema(example = "case.read") String action,
            @Schema(example = "Case") String resourceType,
            String resourceId,
            @Schema(description = "The patient's NHS number; null for records about no patient (e.g. aggregate reports)")
            String nhsNumber,
            Outcome outcome) {
        static AuditEntryView of(AuditService.Entry entry) {
            SuiteAuditRecord r = entry.record();
            return new AuditEntryView(r.service, r.occurredAt(), r.actor(), r.roleList(), r.action(), r.resourceType(),
                    r.resourceId(), entry.nhsNumber(), r.outcome());
        }
    }
}
