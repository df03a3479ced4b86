package org.linkwork.referral.referral;

/** Who the patient lives with (PRSB social prescribing standard): a link worker plans a first visit by it. */
public enum LivingSituation {
    LIVES_ALONE, LIVES_WITH_OTHERS, CARE_HOME, NO_FIXED_ABODE
}
