package org.linkwork.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.junit.jupiter.api.Test;

/** Against referral-service's published schemas, as a consumer's contract test reads them. */
class EventContractsTest {

    static final String CANCELLED = "org.linkwork.referral.cancelled.v1";
    static final String ACCEPTED = "org.linkwork.referral.accepted.v1";

    enum Reason { PATIENT_WITHDREW_CONSENT, REFERRED_IN_ERROR, DUPLICATE, NEEDS_CLINICAL_SERVICE, MOVED_AWAY, REFERRED_ELSEWHERE, DIED }

    enum FewerReasons { PATIENT_WITHDREW_CONSENT, DUPLICATE }

    record Cancelled(@NotNull UUID referralId, @NotBlank String odsCode, @NotNull Reason reason,
            @NotNull OffsetDateTime cancelledAt) {
    }

    record Patient(@NotBlank String nhsNumber, @NotNull LocalDate dateOfBirth, String phone) {
    }

    record Accepted(@NotNull UUID referralId, @NotNull @Valid Patient patient, Set<String> reasons, String notes) {
    }

    @Test
    void aRecordReadingWhatTheProducerPromisesPasses() throws Exception {
        EventContracts.assertReadable(Cancelled.class, "referral-service", CANCELLED);
        EventContracts.assertReadable(Accepted.class, "referral-service", ACCEPTED);
    }

    record ReadsAFieldNeverSent(@NotNull UUID referralId, String cancelledBy) {
    }

    @Test
    void aFieldTheProducerDoesNotSendFails() {
        assertDrift(ReadsAFieldNeverSent.class, CANCELLED, "cancelledBy: the producer's schema has no such property");
    }

    record RequiresWhatMayBeNull(@NotBlank String notes) {
    }

    @Test
    void requiringAFieldTheProducerMaySendAsNullFails() {
        assertDrift(RequiresWhatMayBeNull.class, ACCEPTED, "notes: the consumer requires it but the producer may leave it out or null");
    }

    record KnowsFewerReasons(FewerReasons reason) {
    }

    @Test
    void anEnumLackingAValueTheProducerMaySendFails() {
        assertDrift(KnowsFewerReasons.class, CANCELLED, "the producer may send REFERRED_IN_ERROR");
    }

    record ReadsADateTimeAsADate(LocalDate cancelledAt, Integer odsCode) {
    }

    @Test
    void aTypeThatCannotHoldTheProducersValueFails() {
        assertDrift(ReadsADateTimeAsADate.class, CANCELLED, "cancelledAt: read as date, but the schema's format is 'date-time'");
        assertDrift(ReadsADateTimeAsADate.class, CANCELLED, "odsCode: read as integer");
    }

    record NestedDrift(@NotNull @Valid NestedPatient patient) {
    }

    record NestedPatient(@NotBlank String phone, String nickname) {
    }

    @Test
    void driftInsideANestedRecordFails() {
        assertDrift(NestedDrift.class, ACCEPTED, "patient.phone: the consumer requires it");
        assertDrift(NestedDrift.class, ACCEPTED, "patient.nickname: the producer's schema has no such property");
    }

    @Test
    void anEventTypeTheProducerDoesNotPublishFails() {
        assertDrift(Cancelled.class, "org.linkwork.referral.vanished.v1", "publishes no schema");
    }

    private static void assertDrift(Class<? extends Record> record, String type, String expected) {
        AssertionError error = assertThrows(AssertionError.class,
                () -> EventContracts.assertReadable(record, "referral-service", type));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }
}
