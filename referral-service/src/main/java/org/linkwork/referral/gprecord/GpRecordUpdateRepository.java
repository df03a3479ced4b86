package org.linkwork.referral.gprecord;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.linkwork.referral.referral.Filters;
import org.linkwork.referral.referral.ReferralSearch;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class GpRecordUpdateRepository implements PanacheRepositoryBase<GpRecordUpdate, UUID> {

    boolean exists(UUID referralId, GpRecordConcept concept, String subjectKey) {
        return count("referralId = ?1 AND concept = ?2 AND subjectKey = ?3", referralId, concept, subjectKey) > 0;
    }

    /**
     * Newest first (recordedAt, then id); the search's "updated" bounds apply to recordedAt and its position is the
     * last update's recordedAt and id (keyset paging, as for referrals).
     */
    PanacheQuery<GpRecordUpdate> search(ReferralSearch search, String practice, String pcn, boolean afterPosition) {
        Filters filters = new Filters().and("referralId = :referral", "referral", search.referralId())
                .and("nhsNumber = :nhs", "nhs", search.nhsNumber())
                .and("odsCode = :ods", "ods", practice)
                .and("(odsCode IN (SELECT p.odsCode FROM NetworkPractice p WHERE p.pcnCode = :pcn)"
                        + " OR odsCode NOT IN (SELECT p.odsCode FROM NetworkPractice p))", "pcn", pcn)
                .and("recordedAt >= :updatedFrom", "updatedFrom", search.updatedFrom())
                .and("recordedAt < :updatedTo", "updatedTo", search.updatedTo());
        if (afterPosition && search.after() != null) {
            filters.and("(recordedAt < :afterAt OR (recordedAt = :afterAt AND id < :afterId))", "afterAt",
                    search.after().receivedAt()).withParameter("afterId", search.after().id());
        }
        return filters.find(this, Sort.descending("recordedAt", "id"));
    }
}
