package org.linkwork.outcomes.assessments;

/** When in the case an assessment was taken: change is measured from BASELINE to the latest later one. */
public enum Timepoint {
    BASELINE, REVIEW, DISCHARGE
}
