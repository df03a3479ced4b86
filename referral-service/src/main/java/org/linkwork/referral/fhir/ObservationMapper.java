package org.linkwork.referral.fhir;

import java.util.Date;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.linkwork.referral.gprecord.GpRecordUpdate;

/**
 * A coded update for the GP record as a UK Core Observation: {@code code} the concept (SNOMED CT where published),
 * {@code subject} the patient by NHS number, {@code basedOn} the referral's ServiceRequest, {@code effective} when it
 * happened, {@code meta.lastUpdated} and {@code issued} when it was recorded, a rejection or cancellation reason as
 * {@code valueCodeableConcept} in the Linkwork reason code list.
 */
final class ObservationMapper {

    private static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

    private ObservationMapper() {
    }

    static Observation toObservation(GpRecordUpdate update) {
        Observation observation = new Observation();
        observation.setId(update.id.toString());
        observation.getMeta().addProfile(UkCore.OBSERVATION).setLastUpdated(Date.from(update.recordedAt.toInstant()));
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory().addCoding(new Coding(CATEGORY, "social-history", "Social History"));
        observation.getCode().addCoding(new Coding(update.codeSystem, update.code, update.display));
        observation.setSubject(new Reference("Patient/" + update.referralId)
                .setIdentifier(new Identifier().setSystem(UkCore.NHS_NUMBER).setValue(update.nhsNumber)));
        observation.addBasedOn(new Reference("ServiceRequest/" + update.referralId));
        observation.setEffective(new DateTimeType(Date.from(update.occurredAt.toInstant())));
        observation.setIssued(Date.from(update.recordedAt.toInstant()));
        observation.addPerformer(new Reference().setDisplay(TaskMapper.OWNER));
        if (update.reason != null) {
            observation.setValue(new CodeableConcept(new Coding(TaskMapper.STATUS_REASON_SYSTEM, update.reason, null)));
        }
        return observation;
    }
}
