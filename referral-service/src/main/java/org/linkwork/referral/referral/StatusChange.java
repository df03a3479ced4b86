package org.linkwork.referral.referral;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One step in a referral's history: from which status to which, when, by whom and why. */
@Entity
@Table(name = "referral_status_change")
public class StatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "referral_id")
    Referral referral;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ReferralStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public ReferralStatus to;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    public String actor;

    public String reason;

    protected StatusChange() {
    }

    StatusChange(Referral referral, ReferralStatus from, ReferralStatus to, OffsetDateTime at, String actor,
            String reason) {
        this.referral = referral;
        this.from = from;
        this.to = to;
        this.at = at;
        this.actor = actor;
        this.reason = reason;
    }
}
