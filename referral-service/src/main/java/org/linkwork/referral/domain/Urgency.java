package org.linkwork.referral.domain;

public enum Urgency {
    ROUTINE, PRIORITY
}
