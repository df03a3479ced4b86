package org.linkwork.caseload.prescriptions;

/**
 * A social prescription's life. A place in the activity is taken from ACCEPTED until it ends
 * (COMPLETED, DECLINED or STOPPED); a prescription declined while only SUGGESTED never took one.
 */
public enum PrescriptionStatus {
    SUGGESTED, ACCEPTED, ATTENDING, COMPLETED, DECLINED, STOPPED;

    public boolean holdsPlace() {
        return this == ACCEPTED || this == ATTENDING;
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
