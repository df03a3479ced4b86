package org.linkwork.referral.referral;

/**
 * Coded reasons the referrer or a coordinator gives for cancelling an open referral. Coded, not free
 * text, because the reason travels on events to services and dashboards that must never carry a note.
 */
public enum CancellationReason {
    PATIENT_WITHDREW_CONSENT, REFERRED_IN_ERROR, DUPLICATE, NEEDS_CLINICAL_SERVICE, MOVED_AWAY, REFERRED_ELSEWHERE,
    DIED
}
