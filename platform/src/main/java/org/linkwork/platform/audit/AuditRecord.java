package org.linkwork.platform.audit;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One access to patient-identifiable data: who, in which role, did what to which record, and how it ended. */
@Entity
@Table(name = "audit_record")
public class AuditRecord extends AuditColumns {

    public enum Outcome {
        SUCCESS, DENIED, NOT_FOUND, FAILED
    }

    @Column(name = "patient_id", updatable = false)
    String patientId;

    protected AuditRecord() {
    }

    AuditRecord(OffsetDateTime occurredAt, String actor, String roles, String action, String resourceType,
            String resourceId, String patientId, Outcome outcome) {
        super(occurredAt, actor, roles, action, resourceType, resourceId, outcome);
        this.patientId = patientId;
    }

    public String patientId() {
        return patientId;
    }
}
