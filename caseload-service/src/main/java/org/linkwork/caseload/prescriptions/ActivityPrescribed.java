package org.linkwork.caseload.prescriptions;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.linkwork.caseload.cases.CaseEvent;

/** Fired when the patient takes a place in an activity (the prescription is ACCEPTED). */
public record ActivityPrescribed(UUID caseId, UUID referralId, UUID prescriptionId, String serviceId,
        PrescriptionStatus status, OffsetDateTime at) implements CaseEvent {

    static ActivityPrescribed of(SocialPrescription p) {
        return new ActivityPrescribed(p.caseRecord.id, p.caseRecord.referralId, p.id, p.serviceId, p.status, p.updatedAt);
    }
}
