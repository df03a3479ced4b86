package org.linkwork.caseload.cases;

/**
 * Why a case closed. REFERRAL_CANCELLED is set only by this service, when the referral behind the case is
 * cancelled (by the referrer or a coordinator, on {@code referral-events}); a link worker cannot choose it.
 */
public enum ClosureReason {
    GOALS_MET, PATIENT_DECLINED, UNABLE_TO_CONTACT, MOVED_AWAY, REFERRED_ELSEWHERE, DIED, REFERRAL_CANCELLED
}
