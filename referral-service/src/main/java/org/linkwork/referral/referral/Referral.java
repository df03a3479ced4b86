package org.linkwork.referral.referral;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.linkwork.platform.problem.ProblemException;

/**
 * A request from a GP or another NHS service for a link worker to see a patient. The referral
 * guards its own lifecycle: every change goes through {@link #moveTo} and is kept in its history.
 */
@Entity
@Table(name = "referral")
public class Referral {

    @Id
    public UUID id;

    @Embedded
    public Patient patient;

    @Embedded
    public Referrer referrer;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "referral_reason", joinColumns = @JoinColumn(name = "referral_id"))
    @Column(name = "reason", nullable = false)
    @Enumerated(EnumType.STRING)
    public Set<Reason> reasons = EnumSet.noneOf(Reason.class);

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Urgency urgency;

    /** In the order the referrer gave them. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "referral_safety_alert", joinColumns = @JoinColumn(name = "referral_id"))
    @OrderColumn(name = "position")
    public List<SafetyAlert> safetyAlerts = new ArrayList<>();

    @Column(name = "consent_recorded_at", nullable = false)
    public OffsetDateTime consentRecordedAt;

    public String notes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReferralSource source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReferralStatus status;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Set from caseload-service's events, so the link worker of the case may read the referral. */
    @Column(name = "case_id")
    public String caseId;

    @Column(name = "link_worker")
    public String linkWorker;

    @Version
    long version;

    @OneToMany(mappedBy = "referral", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("at ASC, id ASC")
    List<StatusChange> history = new ArrayList<>();

    protected Referral() {
    }

    public static Referral receive(UUID id, Patient patient, Referrer referrer, Set<Reason> reasons, Urgency urgency,
            OffsetDateTime consentRecordedAt, String notes, ReferralSource source, String actor) {
        Referral referral = new Referral();
        referral.id = id;
        referral.patient = patient;
        referral.referrer = referrer;
        referral.reasons = reasons.isEmpty() ? EnumSet.noneOf(Reason.class) : EnumSet.copyOf(reasons);
        referral.urgency = urgency;
        referral.consentRecordedAt = consentRecordedAt;
        referral.notes = notes;
        referral.source = source;
        referral.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        referral.updatedAt = referral.receivedAt;
        referral.status = ReferralStatus.RECEIVED;
        referral.history.add(new StatusChange(referral, null, ReferralStatus.RECEIVED, referral.receivedAt, actor, null));
        return referral;
    }

    /**
     * @throws ProblemException 409 when the lifecycle does not allow the change
     */
    public StatusChange moveTo(ReferralStatus next, String actor, String reason) {
        if (!status.canMoveTo(next)) {
            throw ProblemException.conflict("Referral " + id + " is " + status + " and cannot become " + next);
        }
        StatusChange change = new StatusChange(this, status, next, OffsetDateTime.now(ZoneOffset.UTC), actor, reason);
        history.add(change);
        status = next;
        updatedAt = change.at;
        return change;
    }

    /** In the enum's order, so that views and events list them the same way every time. */
    public List<Reason> sortedReasons() {
        return reasons.stream().sorted().toList();
    }

    public List<StatusChange> history() {
        return List.copyOf(history);
    }
}
