package org.linkwork.caseload.prescriptions;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.linkwork.caseload.cases.CaseEvent;

/**
 * {@link ActivityPrescribed} with the kinds of activity prescribed: fired right after it, for the same
 * prescription, while consumers of v1 move over.
 */
public record ActivityPrescribedV2(UUID caseId, UUID referralId, UUID prescriptionId, String serviceId,
        PrescriptionStatus status, OffsetDateTime at, List<String> taxonomyTerms) implements CaseEvent {

    static ActivityPrescribedV2 of(SocialPrescription p) {
        return new ActivityPrescribedV2(p.caseRecord.id, p.caseRecord.referralId, p.id, p.serviceId, p.status,
                p.updatedAt, List.copyOf(p.taxonomyTerms));
    }
}
