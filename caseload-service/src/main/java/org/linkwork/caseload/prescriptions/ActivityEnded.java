package org.linkwork.caseload.prescriptions;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.linkwork.caseload.cases.CaseEvent;

/** Fired when a place the patient held in an activity is given up (DECLINED, STOPPED or COMPLETED). */
public record ActivityEnded(UUID caseId, UUID referralId, UUID prescriptionId, String serviceId,
        PrescriptionStatus status, OffsetDateTime at) implements CaseEvent {

    static ActivityEnded of(SocialPrescription p) {
        return new ActivityEnded(p.caseRecord.id, p.caseRecord.referralId, p.id, p.serviceId, p.status, p.updatedAt);
    }
}
