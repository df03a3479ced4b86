package org.linkwork.caseload.prescriptions;

import java.util.EnumSet;
import java.util.Set;

/**
 * A social prescription's life. A place in the activity is taken from ACCEPTED until it ends
 * (COMPLETED, DECLINED or STOPPED); a prescription declined while only SUGGESTED never took one.
 */
public enum PrescriptionStatus {
    SUGGESTED, ACCEPTED, ATTENDING, COMPLETED, DECLINED, STOPPED;

    static final Set<PrescriptionStatus> HOLDS_PLACE = EnumSet.of(ACCEPTED, ATTENDING);

    public boolean holdsPlace() {
        return HOLDS_PLACE.contains(this);
    }

    public boolean isLive() {
        return this == SUGGESTED || holdsPlace();
    }

    public boolean canMoveTo(PrescriptionStatus next) {
        return switch (this) {
            case SUGGESTED -> next == ACCEPTED || next == DECLINED;
            case ACCEPTED -> next == ATTENDING || next == DECLINED || next == STOPPED;
            case ATTENDING -> next == COMPLETED || next == STOPPED;
            default -> false;
        };
    }
}
