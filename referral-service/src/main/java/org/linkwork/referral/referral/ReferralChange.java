package org.linkwork.referral.referral;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What the referral service announces as it changes a referral, each record exactly the data published on
 * {@code referral-events} (schemas in {@code META-INF/resources/asyncapi/schemas/}). {@code events.ReferralEvents}
 * observes them synchronously, in the caller's transaction, and writes the outbox row: the event commits or rolls
 * back with the change.
 */
public sealed interface ReferralChange {

    /** The CloudEvents type it is published as. */
    String type();

    UUID referralId();

    /** The referral it is about: the event's subject and key, so one referral's events stay in order. */
    default String subject() {
        return referralId().toString();
    }

    /**
     * What outcomes-service needs to pseudonymise and report on: no names or contact details. The PRSB items are
     * optional (null when not sent), so v1 consumers that ignore them keep working.
     */
    record PatientSummary(String nhsNumber, LocalDate dateOfBirth, String postcode, Sex sex,
            EthnicCategory ethnicCategory, String lsoaCode) {
    }

    record Received(UUID referralId, String odsCode, List<Reason> reasons, Urgency urgency, String source,
            OffsetDateTime receivedAt, PatientSummary patient) implements ReferralChange {

        public static final String TYPE = "org.linkwork.referral.received.v1";

        static Received of(Referral r) {
            return new Received(r.id, r.referrer.odsCode, r.sortedReasons(), r.urgency, r.source.name(), r.receivedAt,
                    new PatientSummary(r.patient.nhsNumber, r.patient.dateOfBirth, r.patient.postcode, r.patient.sex,
                            r.patient.ethnicCategory, r.patient.lsoaCode));
        }

        public String type() {
            return TYPE;
        }
    }

    /** What caseload-service needs to open a case and contact the patient. */
    record Accepted(UUID referralId, String odsCode, List<Reason> reasons, Urgency urgency,
            OffsetDateTime receivedAt, OffsetDateTime acceptedAt, String acceptedBy, ReferralView.Patient patient,
            String notes) implements ReferralChange {

        public static final String TYPE = "org.linkwork.referral.accepted.v1";

        static Accepted of(Referral r, StatusChange change) {
            return new Accepted(r.id, r.referrer.odsCode, r.sortedReasons(), r.urgency, r.receivedAt, change.at,
                    change.actor, ReferralView.Patient.of(r), r.notes);
        }

        public String type() {
            return TYPE;
        }
    }

    record Rejected(UUID referralId, String odsCode, RejectionReason reason, OffsetDateTime rejectedAt)
            implements ReferralChange {

        public static final String TYPE = "org.linkwork.referral.rejected.v1";

        public String type() {
            return TYPE;
        }
    }

    /** The coded reason only: the canceller's note stays in the referral's history. */
    record Cancelled(UUID referralId, String odsCode, ReferralStatus previousStatus, CancellationReason reason,
            OffsetDateTime cancelledAt) implements ReferralChange {

        public static final String TYPE = "org.linkwork.referral.cancelled.v1";

        public String type() {
            return TYPE;
        }
    }

    /** A status mirrored from the referral's case in caseload-service. */
    record StatusChanged(UUID referralId, String odsCode, ReferralStatus from, ReferralStatus to,
            OffsetDateTime changedAt, String reason) implements ReferralChange {

        public static final String TYPE = "org.linkwork.referral.status-changed.v1";

        static StatusChanged of(Referral r, StatusChange change) {
            return new StatusChanged(r.id, r.referrer.odsCode, change.from, change.to, change.at, change.reason);
        }

        public String type() {
            return TYPE;
        }
    }
}
