package org.linkwork.caseload.cases;

public enum Urgency {
    ROUTINE, PRIORITY
}
