package org.linkwork.referral.fhir;

import java.net.URI;
import java.util.Date;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.problem.UnacceptableText;
import org.linkwork.platform.security.Roles;
import org.linkwork.referral.referral.Referral;
import org.linkwork.referral.referral.ReferralIntake;
import org.linkwork.referral.referral.ReferralRequest;
import org.linkwork.referral.referral.ReferralService;
import org.linkwork.referral.referral.ReferralSource;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;

/**
 * FHIR R4 facade for GP systems that speak FHIR: a ServiceRequest becomes the same referral as
 * the JSON API makes, with the same validation, access rules and events. Errors are
 * OperationOutcomes: FHIR parsing and referral validation are answered here, every other error by
 * the platform's mappers, which answer any path under {@code /fhir} that way.
 */
@Path("/fhir")
@Tag(name = "FHIR", description = "FHIR R4 facade: ServiceRequest for referral to social prescribing")
public class FhirResource {

    static final String FHIR_JSON = "application/fhir+json";
    private static final FhirContext FHIR = FhirContext.forR4Cached();
    /** The length of referral_idempotency.key. */
    private static final int MAX_KEY_LENGTH = 255;

    private final ReferralIntake intake;
    private final ReferralService referrals;
    private final Validator validator;

    FhirResource(ReferralIntake intake, ReferralService referrals, Validator validator) {
        this.intake = intake;
        this.referrals = referrals;
        this.validator = validator;
    }

    @POST
    @Path("/ServiceRequest")
    @Consumes({ FHIR_JSON, "application/json" })
    @Produces(FHIR_JSON)
    @RolesAllowed({ Roles.GP, Roles.NHS_SERVICE })
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "submitServiceRequest", summary = "Refer a patient with a FHIR ServiceRequest", description = """
            `code` must be SNOMED CT 871731000000106 |Referral to social prescribing service|; `subject` a contained \
            Patient with an identifier in `https://fhir.nhs.uk/Id/nhs-number`; `requester` the practice's ODS code \
            (`https://fhir.nhs.uk/Id/ods-organization-code`); `reasonCode` codes from \
            `https://fhir.linkwork.nhs.uk/CodeSystem/social-prescribing-reason` (the JSON API's reasons); \
            `supportingInfo` a contained active Consent. The ServiceRequest's own identifier serves as the \
            Idempotency-Key when the header is absent.""")
    @RequestBody(content = @Content(mediaType = FHIR_JSON, examples = @ExampleObject(name = "referral",
            externalValue = "/fhir-examples/service-request.json")))
    @APIResponse(responseCode = "201", description = "Referral created; body is the stored ServiceRequest")
    @APIResponse(responseCode = "400", description = "Not a valid ServiceRequest (OperationOutcome)")
    @APIResponse(responseCode = "422", description = "Valid FHIR but not an acceptable referral (OperationOutcome)")
    public Response create(String body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        UnacceptableText.firstInJson(body).ifPresent(error -> {
            throw ProblemException.badRequest(error.field(), error.message());
        });
        ServiceRequest serviceRequest;
        try {
            serviceRequest = parser().parseResource(ServiceRequest.class, body);
        } catch (IllegalArgumentException e) {
            // HAPI's own checks inside the parser (a blank resourceType, say) throw this rather than DataFormatException.
            throw new DataFormatException(e.getMessage(), e);
        }
        ReferralRequest request = ServiceRequestMapper.toReferralRequest(serviceRequest);
        Set<ConstraintViolation<ReferralRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        String key = idempotencyKey != null ? idempotencyKey
                : serviceRequest.getIdentifier().stream().filter(i -> i.hasValue())
                        .map(i -> i.getSystem() + "|" + i.getValue()).findFirst().orElse(null);
        if (key != null && key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.badRequest(idempotencyKey != null ? "Idempotency-Key" : "identifier",
                    "must be at most " + MAX_KEY_LENGTH + " characters");
        }
        ReferralService.Outcome outcome = intake.receive(request, key, ReferralSource.FHIR);
        return Response.created(URI.create("/fhir/ServiceRequest/" + outcome.referral().id))
                .entity(parser().encodeResourceToString(ServiceRequestMapper.toServiceRequest(outcome.referral())))
                .build();
    }

    @GET
    @Path("/ServiceRequest/{id}")
    @Produces(FHIR_JSON)
    @RolesAllowed({ Roles.GP, Roles.COORDINATOR, Roles.LINK_WORKER })
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "readServiceRequest", summary = "Read a referral as a FHIR ServiceRequest", description = """
            Status mapping: RECEIVED, ACCEPTED, ASSIGNED, IN_PROGRESS -> active; COMPLETED -> completed; \
            REJECTED, CANCELLED, PATIENT_DECLINED, UNABLE_TO_CONTACT -> revoked. The Linkwork status is also in a note.""")
    public String read(@PathParam("id") UUID id) {
        Referral referral = referrals.readable(id, "referral.fhir.read", "ServiceRequest/" + id);
        return parser().encodeResourceToString(ServiceRequestMapper.toServiceRequest(referral));
    }

    @GET
    @Path("/metadata")
    @Produces(FHIR_JSON)
    @Operation(operationId = "getCapabilityStatement", summary = "CapabilityStatement of the FHIR facade",
            description = "What the facade supports (FHIR R4 4.0.1, JSON): its resources, interactions and security.")
    public String metadata() {
        CapabilityStatement capability = new CapabilityStatement();
        capability.setStatus(Enumerations.PublicationStatus.ACTIVE);
        capability.setDate(new Date());
        capability.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        capability.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        capability.addFormat(FHIR_JSON);
        capability.getSoftware().setName("Linkwork referral-service");
        var rest = capability.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.getSecurity().setDescription("OAuth 2.0 bearer token from the Linkwork realm (roles gp, nhs-service)");
        var resource = rest.addResource().setType("ServiceRequest");
        resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.CREATE);
        resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        return parser().encodeResourceToString(capability);
    }

    @ServerExceptionMapper
    public Response invalidFhir(DataFormatException e) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.STRUCTURE).setDiagnostics(e.getMessage());
        return Response.status(400).type(FHIR_JSON).entity(parser().encodeResourceToString(outcome)).build();
    }

    @ServerExceptionMapper
    public Response invalidReferral(ConstraintViolationException e) {
        OperationOutcome outcome = new OperationOutcome();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                    .setCode(OperationOutcome.IssueType.INVALID)
                    .setDiagnostics(violation.getPropertyPath() + ": " + violation.getMessage())
                    .addExpression(violation.getPropertyPath().toString());
        }
        return Response.status(422).type(FHIR_JSON).entity(parser().encodeResourceToString(outcome)).build();
    }

    private static IParser parser() {
        // Unknown elements are still ignored, but not logged one by one: a 30,000-element array took seconds.
        return FHIR.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
    }
}
