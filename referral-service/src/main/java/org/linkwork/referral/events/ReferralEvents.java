package org.linkwork.referral.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.linkwork.platform.outbox.Outbox;
import org.linkwork.referral.referral.CancellationReason;
import org.linkwork.referral.referral.PreferredContact;
import org.linkwork.referral.referral.Reason;
import org.linkwork.referral.referral.Referral;
import org.linkwork.referral.referral.ReferralChange;
import org.linkwork.referral.referral.ReferralStatus;
import org.linkwork.referral.referral.RejectionReason;
import org.linkwork.referral.referral.StatusChange;
import org.linkwork.referral.referral.Urgency;

/**
 * The referral events on {@code referral-events}, keyed by referral id, written to the outbox as
 * the referral service announces each change (in its transaction). Their JSON Schemas are in
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

    void on(@Observes ReferralChange.Received e) {
        Referral r = e.referral();
        publish(r, RECEIVED, new Received(r.id, r.referrer.odsCode, sorted(r), r.urgency, r.source.name(), r.receivedAt,
                new PatientSummary(r.patient.nhsNumber, r.patient.dateOfBirth, r.patient.postcode)));
    }

    void on(@Observes ReferralChange.Accepted e) {
        Referral r = e.referral();
        var p = r.patient;
        publish(r, ACCEPTED, new Accepted(r.id, r.referrer.odsCode, sorted(r), r.urgency, r.receivedAt,
                e.change().at, e.change().actor,
                new PatientDetails(p.nhsNumber, p.givenName, p.familyName, p.dateOfBirth, p.postcode, p.phone, p.email,
                        p.preferredContact, p.interpreterLanguage, p.accessibilityNeeds),
                r.notes));
    }

    void on(@Observes ReferralChange.Rejected e) {
        publish(e.referral(), REJECTED,
                new Rejected(e.referral().id, e.referral().referrer.odsCode, e.reason(), e.change().at));
    }

    void on(@Observes ReferralChange.Cancelled e) {
        publish(e.referral(), CANCELLED, new Cancelled(e.referral().id, e.referral().referrer.odsCode,
                e.change().from, e.reason(), e.change().at));
    }

    void on(@Observes ReferralChange.StatusChanged e) {
        StatusChange change = e.change();
        publish(e.referral(), STATUS_CHANGED, new StatusChanged(e.referral().id, e.referral().referrer.odsCode,
                change.from, change.to, change.at, change.reason));
    }

    private void publish(Referral referral, String type, Object data) {
        outbox.publish(TOPIC, type, referral.id.toString(), data);
    }

    private static List<Reason> sorted(Referral r) {
        return r.reasons.stream().sorted().toList();
    }
}
