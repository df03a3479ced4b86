package org.linkwork.referral.gprecord;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A coded update for the referring practice's record, exactly as published on {@code gp-record-events}
 * (schema {@code org.linkwork.gp-record.update-recorded.v1}). It names the patient by NHS number: it is for
 * that patient's own GP record.
 */
public record GpRecordUpdateRecorded(UUID updateId, UUID referralId, String odsCode, String nhsNumber,
        GpRecordConcept concept, Coding code, String reason, OffsetDateTime occurredAt, OffsetDateTime recordedAt) {

    public static final String TYPE = "org.linkwork.gp-record.update-recorded.v1";

    public record Coding(String system, String code, String display) {
    }

    static GpRecordUpdateRecorded of(GpRecordUpdate u) {
        return new GpRecordUpdateRecorded(u.id, u.referralId, u.odsCode, u.nhsNumber, u.concept,
                new Coding(u.codeSystem, u.code, u.display), u.reason, u.occurredAt, u.recordedAt);
    }
}
