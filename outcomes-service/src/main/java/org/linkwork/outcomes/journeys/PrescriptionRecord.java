package org.linkwork.outcomes.journeys;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One social prescription (activity) the patient accepted. */
@Entity
@Table(name = "prescription_record")
public class PrescriptionRecord {

    @Id
    @Column(name = "prescription_id")
    public UUID prescriptionId;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "case_id")
    public CaseRecord kase;

    @Column(name = "prescribed_at", nullable = false)
    public OffsetDateTime prescribedAt;
}
