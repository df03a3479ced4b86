package org.linkwork.outcomes.journeys;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** One social prescription (activity) the patient accepted. */
@Entity
public class PrescriptionRecord {

    @Id
    public UUID prescriptionId;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "case_id")
    public CaseRecord kase;

    @Column(nullable = false)
    public OffsetDateTime prescribedAt;
}
