package org.linkwork.referral.fhir;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.linkwork.platform.problem.ProblemException;

/**
 * A referral sent as a FHIR message, the way NHS England's Booking and Referral Standard (BaRS) sends one: a
 * Bundle of type message whose first entry is a MessageHeader for event {@code servicerequest-request}, focused
 * on a ServiceRequest entry, whose subject is a Patient entry. Entries reference each other by {@code fullUrl}.
 * The envelope is checked as it is read, each fault a 400 naming the element, before anything is stored.
 */
final class ReferralMessage {

    static final String BARS_EVENTS = "https://fhir.nhs.uk/CodeSystem/message-events-bars";
    static final String REFERRAL_REQUEST = "servicerequest-request";

    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private final Bundle bundle;
    private final MessageHeader header;
    private final ServiceRequest serviceRequest;

    private ReferralMessage(Bundle bundle, MessageHeader header, ServiceRequest serviceRequest) {
        this.bundle = bundle;
        this.header = header;
        this.serviceRequest = serviceRequest;
    }

    static ReferralMessage read(Bundle bundle) {
        if (bundle.getType() != Bundle.BundleType.MESSAGE) {
            throw ProblemException.badRequest("Bundle.type", "must be message");
        }
        if (!(bundle.getEntryFirstRep().getResource() instanceof MessageHeader header)) {
            throw ProblemException.badRequest("Bundle.entry[MessageHeader]", "the first entry must be a MessageHeader");
        }
        if (!FHIR_ID.matcher(id(header)).matches()) {
            throw ProblemException.badRequest("MessageHeader.id",
                    "must be a FHIR id (or the entry's fullUrl a urn:uuid): the response names the message by it");
        }
        if (!(header.getEvent() instanceof Coding event && BARS_EVENTS.equals(event.getSystem())
                && REFERRAL_REQUEST.equals(event.getCode()))) {
            // Valid FHIR, but an event this service does not handle: a business rule, as ServiceRequest.code is.
            throw ProblemException.unprocessable("MessageHeader.eventCoding",
                    "must be " + REFERRAL_REQUEST + " in " + BARS_EVENTS);
        }
        if (!header.getSource().hasEndpoint()) {
            throw ProblemException.badRequest("MessageHeader.source", "must name the sending system's endpoint");
        }
        if (bundle.getEntry().stream().noneMatch(e -> e.getResource() instanceof ServiceRequest)) {
            throw ProblemException.badRequest("Bundle.entry[ServiceRequest]", "the message carries no ServiceRequest");
        }
        ServiceRequest serviceRequest = header.getFocus().stream().map(focus -> entry(bundle, focus))
                .flatMap(Optional::stream).filter(ServiceRequest.class::isInstance).map(ServiceRequest.class::cast)
                .findFirst().orElseThrow(() -> ProblemException.badRequest("MessageHeader.focus",
                        "must reference the ServiceRequest entry by its fullUrl"));
        ReferralMessage message = new ReferralMessage(bundle, header, serviceRequest);
        if (!(message.resolve(serviceRequest.getSubject()).orElse(null) instanceof Patient)) {
            throw ProblemException.badRequest("Bundle.entry[Patient]",
                    "ServiceRequest.subject must reference the Patient entry by its fullUrl");
        }
        if (message.idempotencyKey().length() > FhirResource.MAX_KEY_LENGTH) {
            throw ProblemException.badRequest(bundle.getIdentifier().hasValue() ? "Bundle.identifier" : "MessageHeader.id",
                    "must make a key of at most " + FhirResource.MAX_KEY_LENGTH + " characters");
        }
        return message;
    }

    ServiceRequest serviceRequest() {
        return serviceRequest;
    }

    /** What a reference of the ServiceRequest points to: a resource it contains, or an entry of the message. */
    Optional<Resource> resolve(Reference reference) {
        return ServiceRequestMapper.contained(serviceRequest, reference).or(() -> entry(bundle, reference));
    }

    private static Optional<Resource> entry(Bundle bundle, Reference reference) {
        if (!reference.hasReference()) {
            return Optional.empty();
        }
        return bundle.getEntry().stream().filter(e -> reference.getReference().equals(e.getFullUrl()))
                .map(Bundle.BundleEntryComponent::getResource).filter(r -> r != null).findFirst();
    }

    /**
     * The MessageHeader's id. HAPI gives an entry's resource its {@code fullUrl} as id, so a {@code urn:uuid:}
     * fullUrl (the usual one in a message) stands for the id it ends with.
     */
    private static String id(MessageHeader header) {
        String id = header.getIdElement().getIdPart();
        if (id == null) {
            return "";
        }
        return id.startsWith("urn:") ? id.substring(id.lastIndexOf(':') + 1) : id;
    }

    /**
     * The message's identity for the intake's idempotency: the Bundle's identifier, else the MessageHeader's id,
     * which a sender keeps when it resends a message. Prefixed so that it cannot meet a ServiceRequest's own key.
     */
    String idempotencyKey() {
        return "process-message|" + (bundle.getIdentifier().hasValue() ? bundle.getIdentifier().getValue()
                : "MessageHeader/" + id(header));
    }

    /**
     * The response message: {@code ok} to this message, focused on the ServiceRequest as stored. Its ids are
     * derived from the referral's, so a resent message gets the same answer.
     *
     * @param fhirBase the facade's absolute URL, {@code .../fhir}
     */
    Bundle response(ServiceRequest stored, String fhirBase) {
        String fullUrl = fhirBase + "/ServiceRequest/" + stored.getIdPart();
        String id = UUID.nameUUIDFromBytes(("process-message response to referral " + stored.getIdPart())
                .getBytes(StandardCharsets.UTF_8)).toString();
        MessageHeader answer = new MessageHeader();
        answer.setId(id);
        answer.setEvent(new Coding(BARS_EVENTS, REFERRAL_REQUEST, null));
        answer.getSource().setName("Linkwork referral-service").setEndpoint(fhirBase);
        var destination = answer.addDestination().setEndpoint(header.getSource().getEndpoint());
        Reference sender = header.getSender();
        if (sender.hasIdentifier() || sender.hasDisplay()) {
            // Not the reference itself: it may name an entry of the request, which the response does not carry.
            destination.setReceiver(new Reference().setIdentifier(sender.getIdentifier()).setDisplay(sender.getDisplay()));
        }
        answer.getResponse().setIdentifier(id(header)).setCode(MessageHeader.ResponseType.OK);
        answer.addFocus(new Reference(fullUrl));
        Bundle response = new Bundle();
        response.setId(id);
        response.getIdentifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + id);
        response.setType(Bundle.BundleType.MESSAGE);
        response.setTimestamp(stored.getAuthoredOn());
        response.addEntry().setFullUrl("urn:uuid:" + id).setResource(answer);
        response.addEntry().setFullUrl(fullUrl).setResource(stored);
        return response;
    }
}
