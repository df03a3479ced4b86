package org.linkwork.referral.fhir;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;
import org.linkwork.platform.security.Roles;
import org.linkwork.referral.gprecord.GpRecordService;
import org.linkwork.referral.gprecord.GpRecordUpdate;

/** The coded updates for the referring practice's record, as FHIR Observations a GP system fetches or searches. */
@Path("/fhir/Observation")
@Produces(FhirResource.FHIR_JSON)
@Tag(name = "FHIR")
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "401", description = "No valid access token (OperationOutcome)")
@APIResponse(responseCode = "403", description = "A role that may not read GP record updates (OperationOutcome)")
public class GpRecordFhirResource {

    private final GpRecordService gpRecord;

    GpRecordFhirResource(GpRecordService gpRecord) {
        this.gpRecord = gpRecord;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.GP, Roles.COORDINATOR })
    @Operation(operationId = "readObservation", summary = "Read one coded update for the GP record", description = """
            One update for the referring practice's record of the patient: `code` SNOMED CT 871731000000106 \
            |Referral to social prescribing service| or 871711000000103 |Social prescribing declined|, else a code of \
            https://fhir.linkwork.nhs.uk/CodeSystem/gp-record-update (accepted, rejected, first contact, social \
            prescription given, completed, unable to contact, cancelled); `subject` the patient by NHS number; \
            `basedOn` the ServiceRequest; `effectiveDateTime` when it happened; a rejection or cancellation reason as \
            `valueCodeableConcept`. A GP system reads its own practice's, a coordinator their PCN's.""")
    @APIResponse(responseCode = "200", description = "The Observation", content = @Content(mediaType = FhirResource.FHIR_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "FHIR R4 Observation (UK Core)"),
            examples = @ExampleObject(name = "referred", externalValue = "/fhir-examples/observation.json")))
    @APIResponse(responseCode = "404", description = "No such update, or not the caller's (OperationOutcome)")
    public String read(@PathParam("id") UUID id) {
        return FhirResource.encode(ObservationMapper.toObservation(gpRecord.readable(id)));
    }

    @GET
    @RolesAllowed({ Roles.GP, Roles.COORDINATOR })
    @Operation(operationId = "searchObservations", summary = "Search the coded updates for GP records", description = """
            `_lastUpdated=gt<time>` for what was recorded since a GP system last looked (repeatable for a range), \
            `patient:identifier=https://fhir.nhs.uk/Id/nhs-number|<n>` (or `patient.identifier=`), \
            `based-on=ServiceRequest/<id>`, `_count` (1-100): a searchset Bundle, newest first, with total and a next \
            link, in the caller's scope. An unknown parameter or an unreadable value is a 400 OperationOutcome naming it.""")
    @APIResponse(responseCode = "200", description = "searchset Bundle", content = @Content(mediaType = FhirResource.FHIR_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "FHIR R4 Bundle of type searchset"),
            examples = @ExampleObject(name = "since a time", externalValue = "/fhir-examples/observation-searchset.json")))
    @APIResponse(responseCode = "400", description = "Unknown search parameter or unreadable value (OperationOutcome)")
    public String search(@Context UriInfo uri) {
        FhirSearch search = FhirSearch.parse(uri.getQueryParameters(), FhirCapabilities.OBSERVATION.searchParameters(),
                FhirCapabilities.OBSERVATION.includes());
        GpRecordService.Slice slice = gpRecord.search(search.toReferralSearch(), search.count);
        GpRecordUpdate last = slice.more() ? slice.items().get(slice.items().size() - 1) : null;
        Bundle bundle = FhirResource.searchset(uri, slice.total(),
                last == null ? null : FhirSearch.cursorAfter(last.recordedAt, last.id), search);
        slice.items().forEach(u -> FhirResource.entry(bundle, uri, ObservationMapper.toObservation(u), Bundle.SearchEntryMode.MATCH));
        return FhirResource.encode(bundle);
    }
}
