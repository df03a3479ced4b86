package org.linkwork.referral.referral;

public enum PreferredContact {
    PHONE, EMAIL, LETTER, TEXT
}
