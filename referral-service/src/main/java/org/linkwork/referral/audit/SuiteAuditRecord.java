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
    public Long id;

    @Column(nullable = false, updatable = false)
    public String service;

    @Column(name = "service_record_id", nullable = false, updatable = false)
    public long serviceRecordId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public OffsetDateTime occurredAt;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(nullable = false, updatable = false)
    public String roles;

    @Column(nullable = false, updatable = false)
    public String action;

    @Column(name = "resource_type", nullable = false, updatable = false)
    public String resourceType;

    @Column(name = "resource_id", updatable = false)
    public String resourceId;

    @Column(name = "nhs_number", updatable = false)
    public String nhsNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Outcome outcome;
}
