package org.linkwork.outcomes.journeys;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CaseRecordRepository implements PanacheRepositoryBase<CaseRecord, UUID> {

    public List<CaseRecord> closedBetween(OffsetDateTime from, OffsetDateTime to) {
        return list("closedAt >= ?1 AND closedAt < ?2", from, to);
    }

    public List<CaseRecord> planAgreedBetween(OffsetDateTime from, OffsetDateTime to) {
        return list("planAgreedAt >= ?1 AND planAgreedAt < ?2", from, to);
    }

    /** A PCN's cases: open now, and begun (first assigned) in [from, to). */
    public record PcnCaseLoad(String pcnCode, Long openCases, Long begunBetween) {
    }

    /** Per PCN (or only {@code pcnCode} when not null), in one grouped pass. */
    public List<PcnCaseLoad> loadByPcn(String pcnCode, OffsetDateTime from, OffsetDateTime to) {
        String onePcn = pcnCode == null ? "" : " AND c.pcnCode = :pcn";
        var query = getEntityManager().createQuery("""
                SELECT c.pcnCode, count(*) FILTER (WHERE c.closedAt IS NULL),
                       count(*) FILTER (WHERE c.firstAssignedAt >= :from AND c.firstAssignedAt < :to)
                FROM CaseRecord c
                WHERE c.pcnCode IS NOT NULL AND c.firstAssignedAt IS NOT NULL""" + onePcn + " GROUP BY c.pcnCode",
                PcnCaseLoad.class).setParameter("from", from).setParameter("to", to);
        if (pcnCode != null) {
            query.setParameter("pcn", pcnCode);
        }
        return query.getResultList();
    }
}
