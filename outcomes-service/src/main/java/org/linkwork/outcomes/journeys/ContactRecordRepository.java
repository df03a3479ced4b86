package org.linkwork.outcomes.journeys;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ContactRecordRepository implements PanacheRepositoryBase<ContactRecord, UUID> {

    /** A case's first attended contact and when its referral was received. */
    public record FirstContact(CaseRecord kase, OffsetDateTime referralReceivedAt, OffsetDateTime at) {
    }

    /** With their cases, which place them in a practice and PCN. */
    public List<ContactRecord> heldBetween(OffsetDateTime from, OffsetDateTime to) {
        return list("FROM ContactRecord k JOIN FETCH k.kase WHERE k.contactAt >= ?1 AND k.contactAt < ?2", from, to);
    }

    /** Cases whose first attended contact fell in [from, to), of referrals known to have been received. */
    public List<FirstContact> firstAttendedBetween(OffsetDateTime from, OffsetDateTime to) {
        return getEntityManager().createQuery("""
                SELECT c, r.receivedAt, min(k.contactAt) FROM ContactRecord k JOIN k.kase c, ReferralRecord r
                WHERE r.referralId = c.referralId AND k.attended = true AND r.receivedAt IS NOT NULL
                GROUP BY c, r.receivedAt HAVING min(k.contactAt) >= :from AND min(k.contactAt) < :to""", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultStream()
                .map(row -> new FirstContact((CaseRecord) row[0], (OffsetDateTime) row[1], (OffsetDateTime) row[2]))
                .toList();
    }
}
