package org.linkwork.referral.fhir;

import java.net.URI;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
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
@Tag(name = "FHIR", description = "FHIR R4 facade: ServiceRequest, Patient and Task for referral to social prescribing")
public class FhirResource {

    static final String FHIR_JSON = "application/fhir+json";
    private static final FhirContext FHIR = FhirContext.forR4Cached();
    /** The length of referral_idempotency.key. */
    static final int MAX_KEY_LENGTH = 255;

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
    @Operation(operationId = "createServiceRequest", summary = "Refer a patient with a FHIR ServiceRequest", description = """
            `code` must be SNOMED CT 871731000000106 |Referral to social prescribing service|; `subject` a contained \
            Patient with an identifier in `https://fhir.nhs.uk/Id/nhs-number`; `requester` the practice's ODS code \
            (`https://fhir.nhs.uk/Id/ods-organization-code`); `reasonCode` codes from \
            `https://fhir.linkwork.nhs.uk/CodeSystem/social-prescribing-reason` (the JSON API's reasons); \
            `supportingInfo` a contained active Consent; the contained Patient's `gender` (AdministrativeGender) is \
            optional. The ServiceRequest's own identifier serves as the Idempotency-Key when the header is absent.""")
    @RequestBody(content = @Content(mediaType = FHIR_JSON, examples = @ExampleObject(name = "referral",
            externalValue = "/fhir-examples/service-request.json")))
    @APIResponse(responseCode = "201", description = "Referral created; body is the stored ServiceRequest",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "FHIR R4 ServiceRequest (UK Core)"), examples = @ExampleObject(name = "referral",
                            externalValue = "/fhir-examples/service-request-read.json")))
    @APIResponse(responseCode = "400", description = "Not a valid ServiceRequest (OperationOutcome)")
    @APIResponse(responseCode = "422", description = "Valid FHIR but not an acceptable referral (OperationOutcome)")
    public Response create(String body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        ServiceRequest serviceRequest = parse(ServiceRequest.class, body);
        ReferralRequest request = validated(ServiceRequestMapper.toReferralRequest(serviceRequest));
        String key = idempotencyKey != null ? idempotencyKey
                : serviceRequest.getIdentifier().stream().filter(i -> i.hasValue())
                        .map(i -> i.getSystem() + "|" + i.getValue()).findFirst().orElse(null);
        if (key != null && key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.badRequest(idempotencyKey != null ? "Idempotency-Key" : "identifier",
                    "must be at most " + MAX_KEY_LENGTH + " characters");
        }
        ReferralService.Outcome outcome = intake.receive(request, key, ReferralSource.FHIR);
        return Response.created(URI.create("/fhir/ServiceRequest/" + outcome.referral().id))
                .entity(encode(ServiceRequestMapper.toServiceRequest(outcome.referral())))
                .build();
    }

    @POST
    @Path("/$process-message")
    @Consumes({ FHIR_JSON, "application/json" })
    @Produces(FHIR_JSON)
    @RolesAllowed({ Roles.GP, Roles.NHS_SERVICE })
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "processReferralMessage", summary = "Refer a patient with a FHIR message (BaRS style)",
            description = """
                    A Bundle of `type` message, as NHS England's Booking and Referral Standard sends a referral: \
                    entry 0 a MessageHeader with an `id`, `eventCoding` `servicerequest-request` in \
                    `https://fhir.nhs.uk/CodeSystem/message-events-bars`, `source.endpoint`, and `focus` the \
                    ServiceRequest entry's `fullUrl`; the ServiceRequest as for `POST /fhir/ServiceRequest`, but its \
                    `subject` (and `requester` or `supportingInfo`, if not contained) references entries by `fullUrl` \
                    (`urn:uuid:...`). The same referral is made, with the same rules, roles and practice scope. \
                    Answers a response message: MessageHeader `response.code` ok and `response.identifier` the \
                    request's MessageHeader id, focused on the stored ServiceRequest, which is the second entry. The \
                    Bundle's `identifier.value` (else the MessageHeader id) is the idempotency key: the same message \
                    again makes nothing new and gets the same answer; the same key with another referral is a 422. \
                    A faulty envelope is a 400 OperationOutcome naming the element (`Bundle.type`, \
                    `Bundle.entry[MessageHeader]`, `MessageHeader.focus`, `Bundle.entry[Patient]`, ...); another \
                    event, or a referral the rules refuse, is a 422.""")
    @RequestBody(content = @Content(mediaType = FHIR_JSON, examples = @ExampleObject(name = "referral message",
            externalValue = "/fhir-examples/process-message.json")))
    @APIResponse(responseCode = "200", description = "Referral made (or made before by this message); body is the response message",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "FHIR R4 Bundle of type message"), examples = @ExampleObject(name = "ok",
                            externalValue = "/fhir-examples/process-message-response.json")))
    @APIResponse(responseCode = "400", description = "Not a valid referral message; the element is named (OperationOutcome)")
    @APIResponse(responseCode = "401", description = "No valid token (OperationOutcome)")
    @APIResponse(responseCode = "403", description = "The token may not refer, or not for this practice (OperationOutcome)")
    @APIResponse(responseCode = "422", description = "Valid FHIR but not an acceptable referral (OperationOutcome)")
    public String processMessage(String body, @Context UriInfo uri) {
        ReferralMessage message = ReferralMessage.read(parse(Bundle.class, body));
        ReferralRequest request = validated(ServiceRequestMapper.toReferralRequest(message.serviceRequest(),
                message::resolve));
        ReferralService.Outcome outcome = intake.receive(request, message.idempotencyKey(), ReferralSource.FHIR);
        return encode(message.response(ServiceRequestMapper.toServiceRequest(outcome.referral()),
                uri.getBaseUri().resolve("fhir").toString()));
    }

    @GET
    @Path("/ServiceRequest/{id}")
    @Produces(FHIR_JSON)
    @RolesAllowed({ Roles.GP, Roles.COORDINATOR, Roles.LINK_WORKER })
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "readServiceRequest", summary = "Read a referral as a FHIR ServiceRequest", description = """
            A UK Core ServiceRequest. Its status follows the referral's Task (same id): requested, accepted and \
            in-progress -> active; completed -> completed; rejected, cancelled and failed -> revoked. The Linkwork \
            status is also in a note. `subject` is `Patient/<id>` with the NHS number as identifier. A referral the \
            caller may not see is a 404 OperationOutcome.""")
    @APIResponse(responseCode = "200", description = "The ServiceRequest", content = @Content(mediaType = FHIR_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "FHIR R4 ServiceRequest (UK Core)"),
            examples = @ExampleObject(name = "referral", externalValue = "/fhir-examples/service-request-read.json")))
    @APIResponse(responseCode = "404", description = "No such referral, or not the caller's (OperationOutcome)")
    public String read(@PathParam("id") UUID id) {
        Referral referral = referrals.readable(id, "referral.fhir.read", "ServiceRequest/" + id);
        return encode(ServiceRequestMapper.toServiceRequest(referral));
    }

    @GET
    @Path("/ServiceRequest")
    @Produces(FHIR_JSON)
    @RolesAllowed({ Roles.GP, Roles.COORDINATOR, Roles.LINK_WORKER })
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "searchServiceRequests", summary = "Search referrals as FHIR ServiceRequests", description = """
            Parameters (all optional, combined with AND; the CapabilityStatement lists them): \
            `patient:identifier=https://fhir.nhs.uk/Id/nhs-number|<n>` (or `patient.identifier=`), `status=` \
            (active, completed, revoked; comma for OR), `requester:identifier=https://fhir.nhs.uk/Id/ods-organization-code|<ODS>`, \
            `authored=` and `_lastUpdated=` (prefix eq, ge, gt, le, lt; repeat for a range), `_count` (default 20, \
            at most 100), `_include=ServiceRequest:patient`. Answers a searchset Bundle, newest first, with `total` \
            and `self`/`next` links (keyset paging: a page does not shift as referrals arrive). The caller's scope \
            applies as on `GET /referrals`: a GP sees their practice's referrals only (a requester of another \
            practice is a 403), and a referral outside the scope is simply not found. An unknown parameter or an \
            unreadable value is a 400 OperationOutcome naming it.""")
    @APIResponse(responseCode = "200", description = "searchset Bundle", content = @Content(mediaType = FHIR_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "FHIR R4 Bundle of type searchset"),
            examples = @ExampleObject(name = "by NHS number with the patient",
                    externalValue = "/fhir-examples/service-request-searchset.json")))
    @APIResponse(responseCode = "400", description = "Unknown search parameter or unreadable value (OperationOutcome)")
    public String searchServiceRequests(@Context UriInfo uri) {
        FhirSearch search = FhirSearch.parse(uri.getQueryParameters(), FhirCapabilities.SERVICE_REQUEST.searchParameters(),
                FhirCapabilities.SERVICE_REQUEST.includes());
        ReferralService.Slice slice = referrals.search(search.toReferralSearch(), search.count, "referral.fhir.search");
        Bundle bundle = searchset(uri, slice, search);
        for (Referral referral : slice.items()) {
            entry(bundle, uri, ServiceRequestMapper.toServiceRequest(referral), Bundle.SearchEntryMode.MATCH);
        }
        if (search.includePatient) {
            slice.items().forEach(r -> entry(bundle, uri, PatientMapper.toPatient(r), Bundle.SearchEntryMode.INCLUDE));
        }
        return encode(bundle);
    }

    @GET
    @Path("/Patient/{id}")
    @Produces(FHIR_JSON)
    @RolesAllowed({ Roles.GP, Roles.COORDINATOR, Roles.LINK_WORKER })
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "readPatient", summary = "Read the referred patient as a FHIR Patient", description = """
            The patient as the referral of the same id recorded them (each referral keeps its own copy), a UK Core \
            Patient with the NHS number; `gender` is `unknown` when the referrer did not send it. Same access as the \
            referral: otherwise a 404 OperationOutcome.""")
    @APIResponse(responseCode = "200", description = "The Patient", content = @Content(mediaType = FHIR_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "FHIR R4 Patient (UK Core)"),
            examples = @ExampleObject(name = "patient", externalValue = "/fhir-examples/patient.json")))
    @APIResponse(responseCode = "404", description = "No such referral, or not the caller's (OperationOutcome)")
    public String readPatient(@PathParam("id") UUID id) {
        Referral referral = referrals.readable(id, "referral.fhir.patient.read", "Patient/" + id);
        return encode(PatientMapper.toPatient(referral));
    }

    @GET
    @Path("/Task/{id}")
    @Produces(FHIR_JSON)
    @RolesAllowed({ Roles.GP, Roles.COORDINATOR, Roles.LINK_WORKER })
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "readTask", summary = "Read a referral's progress as a FHIR Task", description = """
            One Task per referral, with the referral's id, always current (derived from the referral, which \
            caseload-service's events keep up to date). `basedOn` the ServiceRequest; `status`: RECEIVED -> \
            requested, ACCEPTED and ASSIGNED -> accepted, IN_PROGRESS -> in-progress, COMPLETED -> completed, \
            REJECTED -> rejected, CANCELLED and PATIENT_DECLINED -> cancelled, UNABLE_TO_CONTACT -> failed; \
            `businessStatus` the Linkwork status in https://fhir.linkwork.nhs.uk/CodeSystem/referral-status; \
            `statusReason` the coded rejection, cancellation or closure reason in \
            https://fhir.linkwork.nhs.uk/CodeSystem/referral-status-reason; `lastModified` the last change.""")
    @APIResponse(responseCode = "200", description = "The Task", content = @Content(mediaType = FHIR_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "FHIR R4 Task (UK Core)"),
            examples = @ExampleObject(name = "cancelled", externalValue = "/fhir-examples/task.json")))
    @APIResponse(responseCode = "404", description = "No such referral, or not the caller's (OperationOutcome)")
    public String readTask(@PathParam("id") UUID id) {
        Referral referral = referrals.readable(id, "referral.fhir.task.read", "Task/" + id);
        return encode(TaskMapper.toTask(referral));
    }

    @GET
    @Path("/Task")
    @Produces(FHIR_JSON)
    @RolesAllowed({ Roles.GP, Roles.COORDINATOR, Roles.LINK_WORKER })
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "searchTasks", summary = "Search referrals' progress as FHIR Tasks", description = """
            `based-on=ServiceRequest/<id>`, `patient:identifier=https://fhir.nhs.uk/Id/nhs-number|<n>` (or \
            `patient.identifier=`), `status=` (Task codes; comma for OR), `_lastUpdated=`, `_count`: a searchset \
            Bundle like the ServiceRequest search, in the same scope (a Task the caller may not see is not found). \
            An unknown parameter or an unreadable value is a 400 OperationOutcome naming it.""")
    @APIResponse(responseCode = "200", description = "searchset Bundle", content = @Content(mediaType = FHIR_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "FHIR R4 Bundle of type searchset"),
            examples = @ExampleObject(name = "by ServiceRequest", externalValue = "/fhir-examples/task-searchset.json")))
    @APIResponse(responseCode = "400", description = "Unknown search parameter or unreadable value (OperationOutcome)")
    public String searchTasks(@Context UriInfo uri) {
        FhirSearch search = FhirSearch.parse(uri.getQueryParameters(), FhirCapabilities.TASK.searchParameters(),
                FhirCapabilities.TASK.includes());
        ReferralService.Slice slice = referrals.search(search.toReferralSearch(), search.count, "referral.fhir.task.search");
        Bundle bundle = searchset(uri, slice, search);
        slice.items().forEach(r -> entry(bundle, uri, TaskMapper.toTask(r), Bundle.SearchEntryMode.MATCH));
        return encode(bundle);
    }

    @GET
    @Path("/metadata")
    @Produces(FHIR_JSON)
    @SecurityRequirements
    @Operation(operationId = "readCapabilityStatement", summary = "CapabilityStatement of the FHIR facade", description = """
            Every resource type, interaction, search parameter and UK Core profile the facade supports, FHIR 4.0.1. \
            Needs no token.""")
    @APIResponse(responseCode = "200", description = "The CapabilityStatement", content = @Content(mediaType = FHIR_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "FHIR R4 CapabilityStatement"),
            examples = @ExampleObject(name = "live", externalValue = "/fhir/metadata")))
    public String metadata() {
        return encode(FhirCapabilities.statement());
    }

    private static <T extends Resource> T parse(Class<T> type, String body) {
        UnacceptableText.firstInJson(body).ifPresent(error -> {
            throw ProblemException.badRequest(error.field(), error.message());
        });
        try {
            return parser().parseResource(type, body);
        } catch (IllegalArgumentException | NullPointerException e) {
            // HAPI's own checks inside the parser throw these rather than DataFormatException: a blank resourceType,
            // say, or a Bundle entry whose resource is not a resource (its cross-references are stitched after parsing).
            throw new DataFormatException(e.getMessage(), e);
        }
    }

    private ReferralRequest validated(ReferralRequest request) {
        Set<ConstraintViolation<ReferralRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }

    private static Bundle searchset(UriInfo uri, ReferralService.Slice slice, FhirSearch search) {
        Referral last = slice.more() ? slice.items().get(slice.items().size() - 1) : null;
        return searchset(uri, slice.total(), last == null ? null : FhirSearch.cursorAfter(last.receivedAt, last.id), search);
    }

    /** @param next the position the next page starts after, or null on the last page */
    static Bundle searchset(UriInfo uri, long total, String next, FhirSearch search) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.SEARCHSET);
        bundle.setTotal((int) Math.min(Integer.MAX_VALUE, total));
        bundle.addLink().setRelation("self").setUrl(uri.getRequestUri().toString());
        if (next != null) {
            bundle.addLink().setRelation("next").setUrl(uri.getRequestUriBuilder()
                    .replaceQueryParam(FhirSearch.CURSOR, next)
                    .replaceQueryParam(FhirSearch.COUNT, search.count).build().toString());
        }
        return bundle;
    }

    static void entry(Bundle bundle, UriInfo uri, Resource resource, Bundle.SearchEntryMode mode) {
        bundle.addEntry().setFullUrl(uri.getBaseUri().resolve("fhir/" + resource.fhirType() + "/" + resource.getIdPart())
                .toString()).setResource(resource).getSearch().setMode(mode);
    }

    @ServerExceptionMapper
    public Response invalidFhir(DataFormatException e) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.STRUCTURE).setDiagnostics(e.getMessage());
        return Response.status(400).type(FHIR_JSON).entity(encode(outcome)).build();
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
        return Response.status(422).type(FHIR_JSON).entity(encode(outcome)).build();
    }

    static String encode(Resource resource) {
        return parser().encodeResourceToString(resource);
    }

    private static IParser parser() {
        // Unknown elements are still ignored, but not logged one by one: a 30,000-element array took seconds.
        return FHIR.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
    }
}
