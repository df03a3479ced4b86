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
}
