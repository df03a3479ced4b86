package org.linkwork.caseload.cases;

public enum ClosureReason {
    GOALS_MET, PATIENT_DECLINED, UNABLE_TO_CONTACT, MOVED_AWAY, REFERRED_ELSEWHERE, DIED
}
