package org.linkwork.outcomes.caseowners;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The link worker and PCN a case currently belongs to, as caseload-service last announced. */
@Entity
public class CaseOwner {

    @Id
    public UUID caseId;

    @Column(nullable = false)
    public UUID referralId;

    @Column(nullable = false)
    public String linkWorker;

    public String pcnCode;

    @Column(nullable = false)
    public OffsetDateTime assignedAt;
}
