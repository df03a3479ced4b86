package org.linkwork.referral.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.linkwork.platform.outbox.Outbox;
import org.linkwork.referral.domain.CancellationReason;
import org.linkwork.referral.domain.PreferredContact;
import org.linkwork.referral.domain.Reason;
import org.linkwork.referral.domain.Referral;
import org.linkwork.referral.domain.ReferralStatus;
import org.linkwork.referral.domain.RejectionReason;
import org.linkwork.referral.domain.StatusChange;
import org.linkwork.referral.domain.Urgency;

/**
 * The referral events on {@code referral-events}, keyed by referral id. Their JSON Schemas are in
 * {@code META-INF/resources/asyncapi/schemas/} and the AsyncAPI document beside them.
 */
@ApplicationScoped
public class ReferralEvents {

    public static final String TOPIC = "referral-events";
    public static final String RECEIVED = "org.linkwork.referral.received.v1";
    public static final String ACCEPTED = "org.linkwork.referral.accepted.v1";
    public static final String REJECTED = "org.linkwork.referral.rejected.v1";
    public static final String CANCELLED = "org.linkwork.referral.cancelled.v1";
    public static final String STATUS_CHANGED = "org.linkwork.referral.status-changed.v1";

    private final Outbox outbox;

    ReferralEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** What outcomes-service needs to pseudonymise: no names or contact details. */
    public record PatientSummary(String nhsNumber, LocalDate dateOfBirth, String postcode) {
    }

    public record Received(UUID referralId, String odsCode, List<Reason> reasons, Urgency urgency, String source,
            OffsetDateTime receivedAt, PatientSummary patient) {
    }

    /** What caseload-service needs to open a case and contact the patient. */
    public record PatientDetails(String nhsNumber, String givenName, String familyName, LocalDate dateOfBirth,
            String postcode, String phone, String email, PreferredContact preferredContact,
            String interpreterLanguage, String accessibilityNeeds) {
    }

    public record Accepted(UUID referralId, String odsCode, List<Reason> reasons, Urgency urgency,
            OffsetDateTime receivedAt, OffsetDateTime acceptedAt, String acceptedBy, PatientDetails patient,
            String notes) {
    }

    public record Rejected(UUID referralId, String odsCode, RejectionReason reason, OffsetDateTime rejectedAt) {
    }

    /** The coded reason only: the canceller's note stays in the referral's history. */
    public record Cancelled(UUID referralId, String odsCode, ReferralStatus previousStatus, CancellationReason reason,
            OffsetDateTime cancelledAt) {
    }

    public record StatusChanged(UUID referralId, String odsCode, ReferralStatus from, ReferralStatus to,
            OffsetDateTime changedAt, String reason) {
    }

    public void received(Referral r) {
        outbox.publish(TOPIC, RECEIVED, r.id.toString(), new Received(r.id, r.referrer.odsCode, sorted(r), r.urgency,
                r.source.name(), r.receivedAt,
                new PatientSummary(r.patient.nhsNumber, r.patient.dateOfBirth, r.patient.postcode)));
    }

    public void accepted(Referral r, StatusChange change) {
        var p = r.patient;
        outbox.publish(TOPIC, ACCEPTED, r.id.toString(), new Accepted(r.id, r.referrer.odsCode, sorted(r), r.urgency,
                r.receivedAt, change.at, change.actor,
                new PatientDetails(p.nhsNumber, p.givenName, p.familyName, p.dateOfBirth, p.postcode, p.phone, p.email,
                        p.preferredContact, p.interpreterLanguage, p.accessibilityNeeds),
                r.notes));
    }

    public void rejected(Referral r, StatusChange change, RejectionReason reason) {
        outbox.publish(TOPIC, REJECTED, r.id.toString(), new Rejected(r.id, r.referrer.odsCode, reason, change.at));
    }

    public void cancelled(Referral r, StatusChange change, CancellationReason reason) {
        outbox.publish(TOPIC, CANCELLED, r.id.toString(),
                new Cancelled(r.id, r.referrer.odsCode, change.from, reason, change.at));
    }

    public void statusChanged(Referral r, StatusChange change) {
        outbox.publish(TOPIC, STATUS_CHANGED, r.id.toString(),
                new StatusChanged(r.id, r.referrer.odsCode, change.from, change.to, change.at, change.reason));
    }

    private static List<Reason> sorted(Referral r) {
        return r.reasons.stream().sorted().toList();
    }
}
