package org.linkwork.referral.referral;

/** Whether the patient cares for someone, is cared for, both or neither (PRSB social prescribing standard). */
public enum CarerStatus {
    CARER, CARED_FOR, BOTH, NEITHER
}
