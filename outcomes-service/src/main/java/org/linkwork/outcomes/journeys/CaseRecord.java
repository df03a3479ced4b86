package org.linkwork.outcomes.journeys;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A case as caseload-service's events describe it, plus the GP attendance its practice reported. */
@Entity
@Table(name = "case_record")
public class CaseRecord {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    @Column(name = "ods_code")
    public String odsCode;

    @Column(name = "pcn_code")
    public String pcnCode;

    @Column(name = "first_assigned_at")
    public OffsetDateTime firstAssignedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "close_reason")
    public String closeReason;

    @Column(name = "gp_appointments_before")
    public Integer gpAppointmentsBefore;

    @Column(name = "gp_appointments_after")
    public Integer gpAppointmentsAfter;

    @Column(name = "gp_attendance_recorded_at")
    public OffsetDateTime gpAttendanceRecordedAt;
}
