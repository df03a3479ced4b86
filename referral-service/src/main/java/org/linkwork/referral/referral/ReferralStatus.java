package org.linkwork.referral.referral;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a referral is in its life. RECEIVED, ACCEPTED and REJECTED are decided here (triage);
 * the statuses after ACCEPTED mirror the case in caseload-service.
 */
public enum ReferralStatus {
    RECEIVED, ACCEPTED, REJECTED, ASSIGNED, IN_PROGRESS, COMPLETED, PATIENT_DECLINED, UNABLE_TO_CONTACT, CANCELLED;

    /** Statuses in which a referral is still being worked; a patient has at most one such referral. */
    public static final Set<ReferralStatus> OPEN = EnumSet.of(RECEIVED, ACCEPTED, ASSIGNED, IN_PROGRESS);

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    public boolean canMoveTo(ReferralStatus next) {
        if (next == CANCELLED) {
            return isOpen();
        }
        return switch (this) {
            case RECEIVED -> next == ACCEPTED || next == REJECTED;
            case ACCEPTED -> next == ASSIGNED;
            case ASSIGNED -> next == IN_PROGRESS || isClosure(next);
            case IN_PROGRESS -> isClosure(next);
            default -> false;
        };
    }

    private static boolean isClosure(ReferralStatus status) {
        return status == COMPLETED || status == PATIENT_DECLINED || status == UNABLE_TO_CONTACT;
    }
}
