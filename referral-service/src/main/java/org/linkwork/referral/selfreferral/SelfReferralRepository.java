package org.linkwork.referral.selfreferral;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.linkwork.referral.referral.Filters;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class SelfReferralRepository implements PanacheRepositoryBase<SelfReferral, UUID> {

    /** Oldest first (the longest waiting at the top); a coordinator sees their PCN's practices and those outside the network. */
    public PanacheQuery<SelfReferral> search(SelfReferral.Status status, String pcn) {
        return new Filters().and("status = :status", "status", status)
                .and("(practiceOdsCode IN (SELECT p.odsCode FROM NetworkPractice p WHERE p.pcnCode = :pcn)"
                        + " OR practiceOdsCode NOT IN (SELECT p.odsCode FROM NetworkPractice p))", "pcn", pcn)
                .find(this, Sort.ascending("receivedAt", "id"));
    }
}
