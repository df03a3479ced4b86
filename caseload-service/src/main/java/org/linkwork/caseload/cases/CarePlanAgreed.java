package org.linkwork.caseload.cases;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Fired once per case, when the person first agrees their personalised care and support plan. Coded in the Linkwork
 * code list {@value #SYSTEM} ({@value #CODE}): no public NHS source was found for a SNOMED CT code of this concept.
 */
public record CarePlanAgreed(UUID caseId, UUID referralId, String odsCode, String pcnCode, Code code,
        OffsetDateTime agreedAt) implements CaseEvent {

    static final String SYSTEM = "https://fhir.linkwork.nhs.uk/CodeSystem/care-plan-status";
    static final String CODE = "plan-agreed";

    public record Code(String system, String code, String display) {
    }

    static CarePlanAgreed of(Case c, CarePlan plan) {
        return new CarePlanAgreed(c.id, c.referralId, c.odsCode, c.pcnCode,
                new Code(SYSTEM, CODE, "Personalised care and support plan agreed"), plan.agreedAt);
    }
}
