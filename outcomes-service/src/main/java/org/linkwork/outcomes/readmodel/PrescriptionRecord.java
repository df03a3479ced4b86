package org.linkwork.outcomes.readmodel;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One social prescription (activity) the patient accepted. */
@Entity
@Table(name = "prescription_record")
public class PrescriptionRecord {

    @Id
    @Column(name = "prescription_id")
    public UUID prescriptionId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "prescribed_at", nullable = false)
    public OffsetDateTime prescribedAt;
}
