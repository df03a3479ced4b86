package org.linkwork.referral.referral;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** Something a link worker must know before visiting the patient alone, coded, with an optional short note. */
@Embeddable
public class SafetyAlert {

    public enum Category {
        RISK_TO_LONE_WORKER, AGGRESSIVE_BEHAVIOUR, ANIMALS_AT_ADDRESS, SAFEGUARDING_CONCERN, OTHER
    }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    public String note;

    public SafetyAlert() {
    }

    public SafetyAlert(Category category, String note) {
        this.category = category;
        this.note = note;
    }
}
