package org.linkwork.referral.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The suite's consolidated audit trail. outcomes-service keeps no NHS numbers (its read model is
 * pseudonymised), so its records name the case; a case's patient is resolved here, when asked, from
 * the referral the case was opened for. Resolving at query time rather than on arrival means an
 * outcomes record that arrives before this service learnt the case is still found later.
 */
@ApplicationScoped
public class SuiteAuditTrail {

    /** A record with the patient's NHS number, its own or resolved through its case. */
    public record Entry(SuiteAuditRecord record, String nhsNumber) {
    }

    public record Page(List<Entry> items, long total) {
    }

    private static final String OF_PATIENT = "(a.nhsNumber = :nhsNumber OR (a.nhsNumber IS NULL AND a.resourceType = 'Case'"
            + " AND a.resourceId IN (SELECT r2.caseId FROM Referral r2 WHERE r2.patient.nhsNumber = :nhsNumber)))";

    private final EntityManager entityManager;

    SuiteAuditTrail(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Newest first. Every filter is optional; {@code from} is inclusive, {@code to} exclusive.
     *
     * @param offset the first row, as a long so that page × size cannot overflow
     */
    @Transactional(TxType.SUPPORTS)
    public Page search(String nhsNumber, String actor, OffsetDateTime from, OffsetDateTime to, long offset, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (nhsNumber != null) {
            where.add(OF_PATIENT);
            params.put("nhsNumber", nhsNumber);
        }
        if (actor != null) {
            where.add("a.actor = :actor");
            params.put("actor", actor);
        }
        if (from != null) {
            where.add("a.occurredAt >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.add("a.occurredAt < :to");
            params.put("to", to);
        }
        String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);

        TypedQuery<Long> count = entityManager.createQuery("SELECT count(a) FROM SuiteAuditRecord a" + condition, Long.class);
        params.forEach(count::setParameter);
        long total = count.getSingleResult();
        if (offset >= total) {
            return new Page(List.of(), total);
        }
        TypedQuery<Object[]> rows = entityManager.createQuery("SELECT a, COALESCE(a.nhsNumber, r.patient.nhsNumber)"
                + " FROM SuiteAuditRecord a LEFT JOIN Referral r"
                + " ON a.nhsNumber IS NULL AND a.resourceType = 'Case' AND r.caseId = a.resourceId" + condition
                + " ORDER BY a.occurredAt DESC, a.id DESC", Object[].class);
        params.forEach(rows::setParameter);
        List<Entry> items = rows.setFirstResult((int) offset).setMaxResults(size).getResultList().stream()
                .map(row -> new Entry((SuiteAuditRecord) row[0], (String) row[1])).toList();
        return new Page(items, total);
    }
}
