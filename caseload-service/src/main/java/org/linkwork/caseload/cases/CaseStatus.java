package org.linkwork.caseload.cases;

/** WAITING on the PCN's waiting list, ASSIGNED to a link worker, ACTIVE after the first attended contact. */
public enum CaseStatus {
    WAITING, ASSIGNED, ACTIVE, CLOSED;

    public boolean isOpen() {
        return this != CLOSED;
    }
}
