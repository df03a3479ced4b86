package org.linkwork.dashboard.journeys;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class JourneyRepository implements PanacheRepositoryBase<Journey, String> {

    /**
     * Makes every later query of the current transaction read one snapshot of the database (PostgreSQL's repeatable
     * read, read only): the stream is applied while figures are read, and figures worked out from several queries
     * must agree, as must a journey loaded by one query and met again in another. First in its transaction.
     */
    public void readOneSnapshot() {
        getEntityManager().createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY").executeUpdate();
    }

    public List<Journey> receivedBetween(OffsetDateTime from, OffsetDateTime to) {
        return list("receivedAt >= ?1 AND receivedAt < ?2", from, to);
    }

    /** First attended contacts in [from, to) of referrals known to have been received. */
    public List<Journey> firstContactBetween(OffsetDateTime from, OffsetDateTime to) {
        return list("firstAttendedContactAt >= ?1 AND firstAttendedContactAt < ?2 AND receivedAt IS NOT NULL", from, to);
    }

    public Map<String, Journey> byReferral(Collection<String> referrals) {
        return referrals.isEmpty() ? Map.of() : stream("referral IN ?1", referrals)
                .collect(Collectors.toMap(journey -> journey.referral, journey -> journey));
    }

    /** Cases placed in a PCN and assigned a link worker at some time. */
    public List<Journey> assignedCases() {
        return list("casePcnCode IS NOT NULL AND firstAssignedAt IS NOT NULL");
    }
}
