package org.linkwork.referral.referral;

/**
 * The patient's phenotypic sex as the NHS Data Dictionary's PERSON PHENOTYPIC SEX codes it (1 male, 2 female,
 * 9 indeterminate, X not known), held beside the administrative {@link Gender} the PRSB standard also asks for.
 */
public enum Sex {
    MALE, FEMALE, INDETERMINATE, NOT_KNOWN
}
