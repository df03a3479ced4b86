package org.linkwork.referral.audit;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import org.linkwork.referral.referral.Filters;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class SuiteAuditRecordRepository implements PanacheRepositoryBase<SuiteAuditRecord, Long> {

    /** The patient's own records, and those that name a case opened for one of the patient's referrals. */
    private static final String OF_PATIENT = "(nhsNumber = :nhsNumber OR (nhsNumber IS NULL AND resourceType = 'Case'"
            + " AND resourceId IN (SELECT r.caseId FROM Referral r WHERE r.patient.nhsNumber = :nhsNumber)))";

    /** Newest first. Every filter is optional; {@code from} is inclusive, {@code to} exclusive. */
    public PanacheQuery<SuiteAuditRecord> search(String nhsNumber, String actor, OffsetDateTime from,
            OffsetDateTime to) {
        return new Filters().and(OF_PATIENT, "nhsNumber", nhsNumber)
                .and("actor = :actor", "actor", actor)
                .and("occurredAt >= :from", "from", from)
                .and("occurredAt < :to", "to", to)
                .find(this, Sort.descending("occurredAt", "id"));
    }
}
