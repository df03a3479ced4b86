package org.linkwork.outcomes.journeys;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ContactRecordRepository implements PanacheRepositoryBase<ContactRecord, UUID> {

    /** A contact as the monthly report counts it: when, whether attended, and its case's practice and PCN. */
    public record Held(OffsetDateTime at, boolean attended, String odsCode, String pcnCode) {
    }

    /** A case's first attended contact, its practice and PCN, and when its referral was received. */
    public record FirstContact(String odsCode, String pcnCode, OffsetDateTime referralReceivedAt, OffsetDateTime at) {
    }

    /** Values rather than entities: a region's year of contacts is too many to hold as managed entities. */
    public List<Held> heldBetween(OffsetDateTime from, OffsetDateTime to) {
        return getEntityManager().createQuery("""
                SELECT new org.linkwork.outcomes.journeys.ContactRecordRepository$Held(k.contactAt, k.attended,
                  c.odsCode, c.pcnCode)
                FROM ContactRecord k JOIN k.kase c WHERE k.contactAt >= :from AND k.contactAt < :to""", Held.class)
                .setParameter("from", from).setParameter("to", to).getResultList();
    }

    /** Cases whose first attended contact fell in [from, to), of referrals known to have been received. */
    public List<FirstContact> firstAttendedBetween(OffsetDateTime from, OffsetDateTime to) {
        return getEntityManager().createQuery("""
                SELECT new org.linkwork.outcomes.journeys.ContactRecordRepository$FirstContact(c.odsCode, c.pcnCode,
                  r.receivedAt, min(k.contactAt))
                FROM ContactRecord k JOIN k.kase c, ReferralRecord r
                WHERE r.referralId = c.referralId AND k.attended = true AND r.receivedAt IS NOT NULL
                GROUP BY c.caseId, c.odsCode, c.pcnCode, r.receivedAt
                HAVING min(k.contactAt) >= :from AND min(k.contactAt) < :to""", FirstContact.class)
                .setParameter("from", from).setParameter("to", to).getResultList();
    }
}
