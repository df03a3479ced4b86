package org.linkwork.outcomes.readmodel;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.outcomes.ics.AgeBand;
import org.linkwork.outcomes.ics.IcsEvents;
import org.linkwork.outcomes.ics.PostcodeDistrict;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.platform.inbox.Inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * Referrals received, accepted, rejected and cancelled (schemas published by referral-service), applied once each
 * through the inbox. The patient's NHS number, date of birth and postcode are reduced to pseudonym, age band and
 * district on arrival and never stored; names and contact details in {@code referral.accepted} are not read at all.
 */
@ApplicationScoped
public class ReferralEventsConsumer {

    static final String RECEIVED = "org.linkwork.referral.received.v1";
    static final String ACCEPTED = "org.linkwork.referral.accepted.v1";
    static final String REJECTED = "org.linkwork.referral.rejected.v1";
    static final String CANCELLED = "org.linkwork.referral.cancelled.v1";
    /**
     * referral-service's cancellation codes (its published schema). Cancellations from before reasons were coded
     * carry free text, which could name the patient: anything else is published as no reason.
     */
    static final Set<String> CANCELLATION_REASONS = Set.of("PATIENT_WITHDREW_CONSENT", "REFERRED_IN_ERROR", "DUPLICATE",
            "NEEDS_CLINICAL_SERVICE", "MOVED_AWAY", "REFERRED_ELSEWHERE", "DIED");
    /** Age is taken on the day the referral arrived, in the NHS's time zone. */
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final Inbox inbox;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final IcsEvents ics;

    ReferralEventsConsumer(Inbox inbox, EntityManager entityManager, ObjectMapper json, IcsEvents ics) {
        this.inbox = inbox;
        this.entityManager = entityManager;
        this.json = json;
        this.ics = ics;
    }

    @Incoming("referral-events")
    @Blocking
    public void consume(String data, IncomingCloudEventMetadata<String> metadata) {
        CloudEvent event = CloudEvent.from(metadata, data);
        switch (event.type()) {
            case RECEIVED -> inbox.process("outcomes.referral-events", event, this::received);
            case ACCEPTED -> inbox.process("outcomes.referral-events", event, this::accepted);
            case REJECTED -> inbox.process("outcomes.referral-events", event, this::rejected);
            case CANCELLED -> inbox.process("outcomes.referral-events", event, this::cancelled);
            default -> {
                // Status mirrors change nothing here: the case events they follow are consumed directly.
            }
        }
    }

    private void received(CloudEvent event) {
        JsonNode body = event.dataAsJson(json);
        ReferralRecord referral = referral(body);
        referral.receivedAt = OffsetDateTime.parse(body.path("receivedAt").asText());
        patient(referral, body.path("patient"));
        List<String> reasons = new ArrayList<>();
        body.path("reasons").forEach(reason -> reasons.add(reason.asText()));
        ics.referralReceived(referral, reasons, body.path("urgency").asText());
    }

    private void accepted(CloudEvent event) {
        JsonNode body = event.dataAsJson(json);
        ReferralRecord referral = referral(body);
        referral.acceptedAt = OffsetDateTime.parse(body.path("acceptedAt").asText());
        if (referral.receivedAt == null) {
            referral.receivedAt = OffsetDateTime.parse(body.path("receivedAt").asText());
        }
        if (referral.patientPseudonym == null) {
            patient(referral, body.path("patient"));
        }
        ics.referralAccepted(referral);
    }

    private void rejected(CloudEvent event) {
        JsonNode body = event.dataAsJson(json);
        ReferralRecord referral = referral(body);
        referral.rejectedAt = OffsetDateTime.parse(body.path("rejectedAt").asText());
        referral.rejectionReason = body.path("reason").asText();
        // The event names no patient and no receipt time: without the received event those stay null.
        ics.referralRejected(referral);
    }

    /** On ics-events only: a cancelled case's closure reaches the reports through {@code case.closed}. */
    private void cancelled(CloudEvent event) {
        JsonNode body = event.dataAsJson(json);
        String reason = body.path("reason").asText();
        ics.referralCancelled(referral(body), body.path("previousStatus").asText(),
                CANCELLATION_REASONS.contains(reason) ? reason : null,
                OffsetDateTime.parse(body.path("cancelledAt").asText()));
    }

    private ReferralRecord referral(JsonNode body) {
        UUID id = UUID.fromString(body.path("referralId").asText());
        ReferralRecord referral = entityManager.find(ReferralRecord.class, id);
        if (referral == null) {
            referral = new ReferralRecord();
            referral.referralId = id;
            entityManager.persist(referral);
        }
        referral.odsCode = body.path("odsCode").asText();
        return referral;
    }

    private void patient(ReferralRecord referral, JsonNode patient) {
        referral.patientPseudonym = ics.pseudonym(patient.path("nhsNumber").asText());
        LocalDate received = referral.receivedAt.atZoneSameInstant(LONDON).toLocalDate();
        referral.ageBand = AgeBand.of(LocalDate.parse(patient.path("dateOfBirth").asText()), received);
        referral.postcodeDistrict = PostcodeDistrict.of(patient.path("postcode").asText(null));
    }
}
