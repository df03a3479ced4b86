package org.linkwork.dashboard.journeys;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class JourneyRepository implements PanacheRepositoryBase<Journey, String> {

    public List<Journey> receivedBetween(OffsetDateTime from, OffsetDateTime to) {
        return list("receivedAt >= ?1 AND receivedAt < ?2", from, to);
    }

    /** First attended contacts in [from, to) of referrals known to have been received. */
    public List<Journey> firstContactBetween(OffsetDateTime from, OffsetDateTime to) {
        return list("firstAttendedContactAt >= ?1 AND firstAttendedContactAt < ?2 AND receivedAt IS NOT NULL", from, to);
    }

    /** Cases placed in a PCN and assigned a link worker at some time. */
    public List<Journey> assignedCases() {
        return list("casePcnCode IS NOT NULL AND firstAssignedAt IS NOT NULL");
    }
}
