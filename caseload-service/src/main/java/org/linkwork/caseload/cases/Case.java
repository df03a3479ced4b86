package org.linkwork.caseload.cases;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.linkwork.caseload.linkworkers.LinkWorker;
import org.linkwork.platform.problem.ProblemException;

/** A patient on a link worker's caseload (or the PCN's waiting list), opened from one accepted referral. */
@Entity
@Table(name = "case_record")
public class Case {

    @Id
    public UUID id;

    @Column(name = "referral_id", nullable = false, unique = true)
    public UUID referralId;

    @Embedded
    public CasePatient patient;

    /** What the link worker must know before visiting alone, in the referrer's order; read through an audited route. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "case_safety_alert", joinColumns = @JoinColumn(name = "case_id"))
    @OrderColumn(name = "position")
    public List<SafetyAlert> safetyAlerts = new ArrayList<>();

    @Column(name = "referral_notes")
    public String referralNotes;

    @Column(name = "ods_code", nullable = false)
    public String odsCode;

    /** Null when the referring practice is not in the network: such a case waits for a coordinator. */
    @Column(name = "pcn_code")
    public String pcnCode;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "case_reason", joinColumns = @JoinColumn(name = "case_id"))
    @Column(name = "reason")
    public Set<String> reasons = new HashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Urgency urgency;

    @Column(name = "referral_received_at", nullable = false)
    public OffsetDateTime referralReceivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    @ManyToOne
    @JoinColumn(name = "link_worker_id")
    public LinkWorker linkWorker;

    @Column(name = "opened_at", nullable = false)
    public OffsetDateTime openedAt;

    @Column(name = "assigned_at")
    public OffsetDateTime assignedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "closure_reason")
    public ClosureReason closureReason;

    @Version
    public long version;

    /** A new case, not yet placed in the network: {@link CaseService#openFromReferral} finds the practice's PCN. */
    public static Case open(UUID referralId, CasePatient patient, String odsCode, Set<String> reasons,
            Urgency urgency, OffsetDateTime referralReceivedAt, String referralNotes, List<SafetyAlert> safetyAlerts) {
        Case opened = new Case();
        opened.id = UUID.randomUUID();
        opened.referralId = referralId;
        opened.patient = patient;
        opened.odsCode = odsCode;
        opened.reasons = new HashSet<>(reasons);
        opened.urgency = urgency;
        opened.referralReceivedAt = referralReceivedAt;
        opened.referralNotes = referralNotes;
        opened.safetyAlerts = new ArrayList<>(safetyAlerts);
        opened.status = CaseStatus.WAITING;
        opened.openedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return opened;
    }

    /** Assigns or reassigns; an active case stays active with its new worker. */
    public void assignTo(LinkWorker worker) {
        requireOpen();
        linkWorker = worker;
        assignedAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (status == CaseStatus.WAITING) {
            status = CaseStatus.ASSIGNED;
        }
    }

    /** @return true if this contact made the case ACTIVE (the first attended one) */
    public boolean recordContact(boolean attended) {
        requireOpen();
        if (status == CaseStatus.WAITING) {
            throw ProblemException.conflict("Case " + id + " is on the waiting list: assign it before recording contacts");
        }
        if (attended && status == CaseStatus.ASSIGNED) {
            status = CaseStatus.ACTIVE;
            return true;
        }
        return false;
    }

    public void close(ClosureReason reason) {
        requireOpen();
        status = CaseStatus.CLOSED;
        closureReason = reason;
        closedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public void requireOpen() {
        if (status == CaseStatus.CLOSED) {
            throw ProblemException.conflict("Case " + id + " is closed (" + closureReason + ")");
        }
    }
}
