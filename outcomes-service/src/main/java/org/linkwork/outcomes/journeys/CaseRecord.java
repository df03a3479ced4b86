package org.linkwork.outcomes.journeys;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A case as caseload-service's events describe it, plus the GP attendance its practice reported. */
@Entity
public class CaseRecord {

    @Id
    public UUID caseId;

    @Column(nullable = false)
    public UUID referralId;

    public String odsCode;
    public String pcnCode;
    public OffsetDateTime firstAssignedAt;
    public OffsetDateTime closedAt;
    public String closeReason;
    public Integer gpAppointmentsBefore;
    public Integer gpAppointmentsAfter;
    public OffsetDateTime gpAttendanceRecordedAt;
    public OffsetDateTime planAgreedAt;
}
