package org.linkwork.referral.audit;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.linkwork.platform.audit.AuditRecord.Outcome;

/** One audit record of any service of the suite, as it arrived on {@code audit-events}. */
@Entity
@Table(name = "suite_audit_record")
public class SuiteAuditRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, updatable = false)
    String service;

    @Column(name = "service_record_id", nullable = false, updatable = false)
    long serviceRecordId;

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

    @Column(name = "nhs_number", updatable = false)
    String nhsNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    Outcome outcome;

    protected SuiteAuditRecord() {
    }

    SuiteAuditRecord(String service, long serviceRecordId, OffsetDateTime occurredAt, String actor, String roles,
            String action, String resourceType, String resourceId, String nhsNumber, Outcome outcome) {
        this.service = service;
        this.serviceRecordId = serviceRecordId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.roles = roles;
        this.action = action;
        this.resourceType = resourceType;
        this.resourceId = resourceId;
        this.nhsNumber = nhsNumber;
        this.outcome = outcome;
    }

    public String service() {
        return service;
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

    public String nhsNumber() {
        return nhsNumber;
    }

    public Outcome outcome() {
        return outcome;
    }
}
