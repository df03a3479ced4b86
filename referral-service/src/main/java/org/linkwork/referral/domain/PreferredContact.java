package org.linkwork.referral.domain;

public enum PreferredContact {
    PHONE, EMAIL, LETTER, TEXT
}
