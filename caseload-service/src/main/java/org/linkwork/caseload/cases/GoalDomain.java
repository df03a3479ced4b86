package org.linkwork.caseload.cases;

/** The life area a goal in a personalised care and support plan is about. */
public enum GoalDomain {
    CONNECTION, ACTIVITY, MENTAL_WELLBEING, PHYSICAL_HEALTH, MONEY, HOUSING, SKILLS, EMPLOYMENT, CARING, OTHER
}
