package org.linkwork.referral.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class SuiteAuditRecordRepository implements PanacheRepositoryBase<SuiteAuditRecord, Long> {

    /** The patient's own records, and those that name a case opened for one of the patient's referrals. */
    private static final String OF_PATIENT = "(nhsNumber = :nhsNumber OR (nhsNumber IS NULL AND resourceType = 'Case'"
            + " AND resourceId IN (SELECT r.caseId FROM Referral r WHERE r.patient.nhsNumber = :nhsNumber)))";

    /** Newest first. Every filter is optional; {@code from} is inclusive, {@code to} exclusive. */
    public PanacheQuery<SuiteAuditRecord> search(String nhsNumber, String actor, OffsetDateTime from,
            OffsetDateTime to) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (nhsNumber != null) {
            where.add(OF_PATIENT);
            params.and("nhsNumber", nhsNumber);
        }
        if (actor != null) {
            where.add("actor = :actor");
            params.and("actor", actor);
        }
        if (from != null) {
            where.add("occurredAt >= :from");
            params.and("from", from);
        }
        if (to != null) {
            where.add("occurredAt < :to");
            params.and("to", to);
        }
        return find(String.join(" AND ", where), Sort.descending("occurredAt", "id"), params);
    }
}
