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

    public List<Journey> receivedBetween(OffsetDateTime from, OffsetDateTime to) {
        return list("receivedAt >= ?1 AND receivedAt < ?2", from, to);
    }

    /*
     * The stream is applied while figures are read: a journey already loaded by an earlier query of the same request
     * comes back as it was loaded then, so each query's condition is checked again on what it returns.
     */

    /** First attended contacts in [from, to) of referrals known to have been received. */
    public List<Journey> firstContactBetween(OffsetDateTime from, OffsetDateTime to) {
        return stream("firstAttendedContactAt >= ?1 AND firstAttendedContactAt < ?2 AND receivedAt IS NOT NULL", from, to)
                .filter(j -> j.receivedAt != null && j.firstAttendedContactAt != null).toList();
    }

    public Map<String, Journey> byReferral(Collection<String> referrals) {
        return referrals.isEmpty() ? Map.of() : stream("referral IN ?1", referrals)
                .collect(Collectors.toMap(journey -> journey.referral, journey -> journey));
    }

    /** Cases placed in a PCN and assigned a link worker at some time. */
    public List<Journey> assignedCases() {
        return stream("casePcnCode IS NOT NULL AND firstAssignedAt IS NOT NULL")
                .filter(j -> j.casePcnCode != null && j.firstAssignedAt != null).toList();
    }
}
