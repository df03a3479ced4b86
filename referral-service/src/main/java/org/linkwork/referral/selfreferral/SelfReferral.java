package org.linkwork.referral.selfreferral;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.linkwork.referral.referral.PreferredContact;
import org.linkwork.referral.referral.Reason;

/**
 * A person's own request to see a link worker, kept as they sent it. It becomes a referral once a coordinator has
 * traced (or confirmed) the person's NHS number: every referral, and every event about one, carries a verified NHS
 * number, so nothing downstream has to cope with a person not yet identified.
 */
@Entity
@Table(name = "self_referral")
public class SelfReferral {

    public enum Status {
        AWAITING_TRACE, REFERRED
    }

    @Id
    public UUID id;

    @Column(name = "given_name", nullable = false)
    public String givenName;

    @Column(name = "family_name", nullable = false)
    public String familyName;

    @Column(name = "date_of_birth", nullable = false)
    public LocalDate dateOfBirth;

    @Column(nullable = false)
    public String postcode;

    public String phone;

    public String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_contact", nullable = false)
    public PreferredContact preferredContact;

    /** As the person gave it, if they did: a coordinator confirms it before it is used. */
    @Column(name = "nhs_number")
    public String nhsNumber;

    /** The practice the person says they are registered with: its PCN triages the self-referral. */
    @Column(name = "practice_ods_code", nullable = false)
    public String practiceOdsCode;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "self_referral_reason", joinColumns = @JoinColumn(name = "self_referral_id"))
    @Column(name = "reason", nullable = false)
    @Enumerated(EnumType.STRING)
    public Set<Reason> reasons = EnumSet.noneOf(Reason.class);

    public String about;

    @Column(name = "consent_statement", nullable = false)
    public String consentStatement;

    @Column(name = "consent_given_at", nullable = false)
    public OffsetDateTime consentGivenAt;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "traced_by")
    public String tracedBy;

    @Column(name = "traced_at")
    public OffsetDateTime tracedAt;

    @Version
    long version;
}
