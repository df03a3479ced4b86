package org.linkwork.referral.referral;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {

    /** First key of the advisory lock that serialises intakes for one patient (the second is the NHS number's hash). */
    private static final int PATIENT_LOCK = 7301;

    /** The request an Idempotency-Key was first used for. */
    public record IdempotentRequest(String requestHash, UUID referralId) {
    }

    /**
     * Native for PostgreSQL's ON CONFLICT: blocks while a concurrent request with the same key is in
     * flight, then sees its row.
     *
     * @return false when the client already used the key
     */
    public boolean claimIdempotencyKey(String client, String key, String requestHash, UUID referralId) {
        return getEntityManager().createNativeQuery("""
                INSERT INTO referral_idempotency (client, key, request_hash, referral_id)
                VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                .setParameter(1, client).setParameter(2, key).setParameter(3, requestHash).setParameter(4, referralId)
                .executeUpdate() == 1;
    }

    /** Native because the table is written only by the ON CONFLICT insert above and has no entity. */
    public IdempotentRequest idempotentRequest(String client, String key) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery(
                "SELECT request_hash, referral_id FROM referral_idempotency WHERE client = ?1 AND key = ?2")
                .setParameter(1, client).setParameter(2, key).getSingleResult();
        return new IdempotentRequest((String) row[0], (UUID) row[1]);
    }

    /** Native for PostgreSQL's transaction-scoped advisory lock: one intake per patient at a time. */
    public void lockPatient(String nhsNumber) {
        getEntityManager().createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(?1, hashtext(?2))")
                .setParameter(1, PATIENT_LOCK).setParameter(2, nhsNumber).getSingleResult();
    }

    public Optional<Referral> openReferralOf(String nhsNumber) {
        return find("patient.nhsNumber = ?1 AND status IN ?2", nhsNumber, ReferralStatus.OPEN).firstResultOptional();
    }

    /** The patient (NHS number) of each of these cases that this service knows, by case id. */
    public Map<String, String> patientsOfCases(Set<String> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        return find("caseId IN ?1", caseIds).stream()
                .collect(Collectors.toMap(r -> r.caseId, r -> r.patient.nhsNumber, (a, b) -> a));
    }

    /** Newest first; every filter is optional, see {@link ReferralService#search}. */
    public PanacheQuery<Referral> search(ReferralStatus status, String odsCode, String linkWorker, String pcn,
            OffsetDateTime from, OffsetDateTime to) {
        return new Filters().and("status = :status", "status", status)
                .and("referrer.odsCode = :ods", "ods", odsCode)
                .and("linkWorker = :worker", "worker", linkWorker)
                .and("(referrer.odsCode IN (SELECT p.odsCode FROM NetworkPractice p WHERE p.pcnCode = :pcn)"
                        + " OR referrer.odsCode NOT IN (SELECT p.odsCode FROM NetworkPractice p))", "pcn", pcn)
                .and("receivedAt >= :from", "from", from)
                .and("receivedAt < :to", "to", to)
                .find(this, Sort.descending("receivedAt").and("id"));
    }

    /** The referrals matching the search within the caller's scope, newest first, without its position. */
    public PanacheQuery<Referral> search(ReferralSearch search, String linkWorker, String pcn) {
        return scoped(search, linkWorker, pcn).find(this, Sort.descending("receivedAt", "id"));
    }

    /** The same search continued after its position (keyset: receivedAt, then id, both descending). */
    public PanacheQuery<Referral> searchAfter(ReferralSearch search, String linkWorker, String pcn) {
        ReferralSearch.Position after = search.after();
        Filters filters = scoped(search, linkWorker, pcn);
        if (after != null) {
            filters.and("(receivedAt < :afterAt OR (receivedAt = :afterAt AND id < :afterId))", "afterAt",
                    after.receivedAt()).withParameter("afterId", after.id());
        }
        return filters.find(this, Sort.descending("receivedAt", "id"));
    }

    private Filters scoped(ReferralSearch search, String linkWorker, String pcn) {
        return new Filters().and("id = :id", "id", search.referralId())
                .and("status IN :statuses", "statuses", search.statuses())
                .and("patient.nhsNumber = :nhs", "nhs", search.nhsNumber())
                .and("referrer.odsCode = :ods", "ods", search.odsCode())
                .and("linkWorker = :worker", "worker", linkWorker)
                .and("(referrer.odsCode IN (SELECT p.odsCode FROM NetworkPractice p WHERE p.pcnCode = :pcn)"
                        + " OR referrer.odsCode NOT IN (SELECT p.odsCode FROM NetworkPractice p))", "pcn", pcn)
                .and("receivedAt >= :receivedFrom", "receivedFrom", search.receivedFrom())
                .and("receivedAt < :receivedTo", "receivedTo", search.receivedTo())
                .and("updatedAt >= :updatedFrom", "updatedFrom", search.updatedFrom())
                .and("updatedAt < :updatedTo", "updatedTo", search.updatedTo());
    }
}
