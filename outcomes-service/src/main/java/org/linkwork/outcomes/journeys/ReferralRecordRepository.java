package org.linkwork.outcomes.journeys;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ReferralRecordRepository implements PanacheRepositoryBase<ReferralRecord, UUID> {

    public List<ReferralRecord> receivedBetween(OffsetDateTime from, OffsetDateTime to) {
        return list("receivedAt >= ?1 AND receivedAt < ?2", from, to);
    }

    /** Referrals received, accepted or rejected in [from, to). */
    public List<ReferralRecord> activeBetween(OffsetDateTime from, OffsetDateTime to) {
        return list("""
                (receivedAt >= ?1 AND receivedAt < ?2) OR (acceptedAt >= ?1 AND acceptedAt < ?2)
                  OR (rejectedAt >= ?1 AND rejectedAt < ?2)""", from, to);
    }
}
