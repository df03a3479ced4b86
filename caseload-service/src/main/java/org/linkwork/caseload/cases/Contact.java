package org.linkwork.caseload.cases;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An appointment or other contact with the patient, attended or not (DNA). */
@Entity
@Table(name = "contact")
public class Contact {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "case_id")
    public Case caseRecord;

    @Column(name = "contact_at", nullable = false)
    public OffsetDateTime at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContactMode mode;

    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;

    @Column(nullable = false)
    public boolean attended;

    public String note;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
