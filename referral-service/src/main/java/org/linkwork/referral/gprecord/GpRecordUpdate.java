package org.linkwork.referral.gprecord;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One coded entry for the referring practice's record of a patient. Never changed once written. */
@Entity
@Table(name = "gp_record_update")
public class GpRecordUpdate {

    @Id
    public UUID id;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    @Column(name = "ods_code", nullable = false)
    public String odsCode;

    @Column(name = "nhs_number", nullable = false)
    public String nhsNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GpRecordConcept concept;

    @Column(name = "subject_key", nullable = false)
    public String subjectKey;

    @Column(name = "code_system", nullable = false)
    public String codeSystem;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String display;

    /** The coded reason of a rejection or cancellation. */
    public String reason;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
