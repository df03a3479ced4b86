package org.linkwork.outcomes.journeys;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A step of a patient's journey, fired (CDI event) once the read model has recorded it, in the transaction that
 * recorded it, and published as it is on {@code ics-events} (JSON Schemas {@code org.linkwork.ics.*}). Codes and
 * times in UTC only: no free text and no identifier beyond the {@link Journey}'s pseudonyms.
 */
public interface JourneyStep {

    Journey journey();

    static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }

    record ReferralReceived(@JsonUnwrapped Journey journey, List<String> reasons, String urgency,
            OffsetDateTime receivedAt) implements JourneyStep {
    }

    /**
     * Who was referred, beyond the {@link Journey}: sex as the referrer coded it, ethnic group, and the IMD 2019 decile
     * of the home's LSOA; each null when the referrer did not send it.
     */
    record Demographics(String sex, EthnicGroup ethnicGroup, Integer imdDecile) {
    }

    /**
     * {@link ReferralReceived} with the patient's {@link Demographics}: a new type, published beside v1, because the
     * v1 schema is closed and its consumers may refuse a property they do not know.
     */
    record ReferralReceivedV2(@JsonUnwrapped Journey journey, @JsonUnwrapped Demographics demographics,
            List<String> reasons, String urgency, OffsetDateTime receivedAt) implements JourneyStep {
    }

    record ReferralAccepted(@JsonUnwrapped Journey journey, OffsetDateTime receivedAt, OffsetDateTime acceptedAt)
            implements JourneyStep {
    }

    /** {@code receivedAt} null when the referral's received event has not reached this service. */
    record ReferralRejected(@JsonUnwrapped Journey journey, OffsetDateTime receivedAt, OffsetDateTime rejectedAt,
            String reason) implements JourneyStep {
    }

    /** @param reason a coded cancellation reason, or null: a cancellation's free text never gets this far */
    record ReferralCancelled(@JsonUnwrapped Journey journey, OffsetDateTime receivedAt, String previousStatus,
            String reason, OffsetDateTime cancelledAt) implements JourneyStep {
    }

    record CaseAssigned(@JsonUnwrapped Journey journey, OffsetDateTime assignedAt, boolean reassignment)
            implements JourneyStep {
    }

    record ContactRecorded(@JsonUnwrapped Journey journey, OffsetDateTime contactAt, String mode, int durationMinutes,
            boolean attended) implements JourneyStep {
    }

    record CaseClosed(@JsonUnwrapped Journey journey, String reason, OffsetDateTime closedAt) implements JourneyStep {
    }

    /** The case opened but waits for a link worker with a free place. */
    record CaseWaitingListed(@JsonUnwrapped Journey journey, OffsetDateTime waitingListedAt) implements JourneyStep {
    }

    /** The person agreed their personalised care and support plan. */
    record PlanAgreed(@JsonUnwrapped Journey journey, OffsetDateTime agreedAt) implements JourneyStep {
    }

    record ActivityPrescribed(@JsonUnwrapped Journey journey, OffsetDateTime prescribedAt) implements JourneyStep {
    }

    /**
     * {@link ActivityPrescribed} with the kinds of activity prescribed (the directory's taxonomy term codes, possibly
     * none): a new type beside v1, whose schema is closed. Only prescriptions caseload-service named the terms of.
     */
    record ActivityPrescribedV2(@JsonUnwrapped Journey journey, OffsetDateTime prescribedAt, List<String> taxonomyTerms)
            implements JourneyStep {
    }

    record ActivityEnded(@JsonUnwrapped Journey journey, String status, OffsetDateTime endedAt) implements JourneyStep {
    }

    record GpAttendanceRecorded(@JsonUnwrapped Journey journey, Integer appointmentsBefore, Integer appointmentsAfter,
            OffsetDateTime recordedAt) implements JourneyStep {
    }
}
