package org.linkwork.platform.audit;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One access to patient-identifiable data: who, in which role, did what to which record, and how it ended. */
@Entity
@Table(name = "audit_record")
public class AuditRecord {

    public enum Outcome {
        SUCCESS, DENIED, NOT_FOUND, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    OffsetDateTime occurredAt;

    @Column(nullable = false, updatable = false)
    String actor;

    @Column(nullable = false, updatable = false)
    String roles;

    @Column(nullable = false, updatable = false)
    String action;

    @Column(name = "resource_type", nullable = false, updatable = false)
    String resourceType;

    @Column(name = "resource_id", updatable = false)
    String resourceId;

    @Column(name = "patient_id", updatable = false)
    String patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    Outcome outcome;

    protected AuditRecord() {
    }

    AuditRecord(OffsetDateTime occurredAt, String actor, String roles, String action, String resourceType,
            String resourceId, String patientId, Outcome outcome) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.roles = roles;
        this.action = action;
        this.resourceType = resourceType;
        this.resourceId = resourceId;
        this.patientId = patientId;
        this.outcome = outcome;
    }

    public Long id() {
        return id;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String roles() {
        return roles;
    }

    public String action() {
        return action;
    }

    public String resourceType() {
        return resourceType;
    }

    public String resourceId() {
        return resourceId;
    }

    public String patientId() {
        return patientId;
    }

    public Outcome outcome() {
        return outcome;
    }
}
