package org.linkwork.referral.referral;

public enum Urgency {
    ROUTINE, PRIORITY
}
