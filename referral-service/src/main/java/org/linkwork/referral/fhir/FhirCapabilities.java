package org.linkwork.referral.fhir;

import java.util.Date;
import java.util.List;
import java.util.Set;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;

/**
 * What the facade offers, declared once: the CapabilityStatement is built from these declarations, and the
 * search routes read their parameters from the same ones, so the statement cannot promise what a route refuses.
 */
final class FhirCapabilities {

    /** One resource type: its profile, interactions, search parameters and {@code _include} values. */
    record ResourceCapability(String type, String profile, List<TypeRestfulInteraction> interactions,
            List<FhirSearch.Parameter> searchParameters, Set<String> includes) {
    }

    static final ResourceCapability SERVICE_REQUEST = new ResourceCapability("ServiceRequest", UkCore.SERVICE_REQUEST,
            List.of(TypeRestfulInteraction.CREATE, TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE),
            FhirSearch.SERVICE_REQUEST, Set.of(FhirSearch.INCLUDE_PATIENT));
    static final ResourceCapability PATIENT = new ResourceCapability("Patient", UkCore.PATIENT,
            List.of(TypeRestfulInteraction.READ), List.of(), Set.of());
    static final ResourceCapability TASK = new ResourceCapability("Task", UkCore.TASK,
            List.of(TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE), FhirSearch.TASK, Set.of());
    static final ResourceCapability OBSERVATION = new ResourceCapability("Observation", UkCore.OBSERVATION,
            List.of(TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE), FhirSearch.OBSERVATION, Set.of());
    static final List<ResourceCapability> RESOURCES = List.of(SERVICE_REQUEST, PATIENT, TASK, OBSERVATION);

    /** A system-level operation, {@code POST /fhir/$<name>}, and the OperationDefinition it implements. */
    record OperationCapability(String name, String definition, String documentation) {
    }

    static final OperationCapability PROCESS_MESSAGE = new OperationCapability("process-message",
            "http://hl7.org/fhir/OperationDefinition/MessageHeader-process-message",
            "A referral message as BaRS sends one (event " + ReferralMessage.REFERRAL_REQUEST + " in "
                    + ReferralMessage.BARS_EVENTS + "), processed synchronously: the response message, with the stored"
                    + " ServiceRequest, is the answer. Idempotent on Bundle.identifier.value (else the MessageHeader id).");
    static final List<OperationCapability> OPERATIONS = List.of(PROCESS_MESSAGE);

    private FhirCapabilities() {
    }

    static CapabilityStatement statement() {
        CapabilityStatement capability = new CapabilityStatement();
        capability.setName("LinkworkReferralFhirFacade");
        capability.setTitle("Linkwork referral-service FHIR R4 facade");
        capability.setStatus(Enumerations.PublicationStatus.ACTIVE);
        capability.setDate(new Date());
        capability.setPublisher("Linkwork");
        capability.setDescription("Referral to social prescribing (SNOMED CT 871731000000106) as UK Core ServiceRequest,"
                + " alone or in a BaRS-style referral message, the referred patient as UK Core Patient, and the"
                + " referral's progress as UK Core Task, and each coded update for the referring practice's record as"
                + " UK Core Observation.");
        capability.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        capability.getSoftware().setName("Linkwork referral-service");
        capability.getImplementation().setDescription("Linkwork referral-service, FHIR facade at /fhir");
        capability.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        capability.addFormat(FhirResource.FHIR_JSON);
        var rest = capability.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.setDocumentation("Searches answer searchset Bundles, newest first, with total and self/next links;"
                + " unknown search parameters are refused (400 OperationOutcome naming the parameter).");
        rest.getSecurity().addService().addCoding(
                new Coding("http://terminology.hl7.org/CodeSystem/restful-security-service", "OAuth", "OAuth"));
        rest.getSecurity().setDescription("OAuth 2.0 bearer token from the Linkwork realm: role gp (claim ods, its"
                + " practice's referrals only) or nhs-service to refer; gp, coordinator (claim pcn) or link-worker (its"
                + " cases) to read and search; gp or coordinator to read and search Observations. A referral the caller"
                + " may not see is a 404, and left out of searches."
                + " /fhir/metadata needs no token.");
        for (ResourceCapability declared : RESOURCES) {
            var resource = rest.addResource().setType(declared.type()).setProfile(declared.profile());
            declared.interactions().forEach(i -> resource.addInteraction().setCode(i));
            declared.searchParameters().forEach(p -> resource.addSearchParam().setName(p.name()).setType(p.type())
                    .setDefinition(p.definition()).setDocumentation(p.documentation()));
            declared.includes().stream().sorted().forEach(resource::addSearchInclude);
        }
        FhirSearch.RESULT_PARAMETERS.forEach(p -> rest.addSearchParam().setName(p.name()).setType(p.type())
                .setDocumentation(p.documentation()));
        OPERATIONS.forEach(o -> rest.addOperation().setName(o.name()).setDefinition(o.definition())
                .setDocumentation(o.documentation()));
        // Messages arrive only through $process-message, over the same REST endpoint and security: no other
        // transport or endpoint to declare, and no MessageDefinition of its own to point to.
        capability.addMessaging().setDocumentation("Referral messages (" + ReferralMessage.REFERRAL_REQUEST
                + ") are received through the operation $" + PROCESS_MESSAGE.name() + " (rest.operation).");
        return capability;
    }
}
