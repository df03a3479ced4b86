package org.linkwork.dashboard.wellbeing;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AssessmentScoreRepository implements PanacheRepositoryBase<AssessmentScore, Long> {

    /** Every score of the referrals with a follow-up (review or discharge) completed in [from, to). */
    public List<AssessmentScore> ofReferralsFollowedUpBetween(OffsetDateTime from, OffsetDateTime to) {
        return list("""
                referral IN (SELECT f.referral FROM AssessmentScore f
                  WHERE f.timepoint <> 'BASELINE' AND f.completedAt >= ?1 AND f.completedAt < ?2)""", from, to);
    }
}
