package org.linkwork.outcomes.journeys;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PrescriptionRecordRepository implements PanacheRepositoryBase<PrescriptionRecord, UUID> {

    /** With their cases, which place them in a practice and PCN. */
    public List<PrescriptionRecord> prescribedBetween(OffsetDateTime from, OffsetDateTime to) {
        return list("FROM PrescriptionRecord p JOIN FETCH p.kase WHERE p.prescribedAt >= ?1 AND p.prescribedAt < ?2",
                from, to);
    }
}
