package org.linkwork.outcomes.caseowners;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The link worker and PCN a case currently belongs to, as caseload-service last announced. */
@Entity
@Table(name = "case_owner")
public class CaseOwner {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    @Column(name = "link_worker", nullable = false)
    public String linkWorker;

    @Column(name = "pcn_code")
    public String pcnCode;

    @Column(name = "assigned_at", nullable = false)
    public OffsetDateTime assignedAt;
}
