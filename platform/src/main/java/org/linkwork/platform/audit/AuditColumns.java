package org.linkwork.platform.audit;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * The columns every audit table has: a service's own {@link AuditRecord}s and the records a consolidated trail
 * gathers from {@code audit-events} (referral-service's {@code suite_audit_record}). How each names the patient
 * differs (a local patient id, a received NHS number), so that column stays with the entity.
 */
@MappedSuperclass
public abstract class AuditColumns {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    protected Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    protected OffsetDateTime occurredAt;

    @Column(nullable = false, updatable = false)
    protected String actor;

    /** Comma-separated, as {@link #roleList()} reads them back. */
    @Column(nullable = false, updatable = false)
    protected String roles;

    @Column(nullable = false, updatable = false)
    protected String action;

    @Column(name = "resource_type", nullable = false, updatable = false)
    protected String resourceType;

    @Column(name = "resource_id", updatable = false)
    protected String resourceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    protected AuditRecord.Outcome outcome;

    protected AuditColumns() {
    }

    protected AuditColumns(OffsetDateTime occurredAt, String actor, String roles, String action,
            String resourceType, String resourceId, AuditRecord.Outcome outcome) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.roles = roles;
        this.action = action;
        this.resourceType = resourceType;
        this.resourceId = resourceId;
        this.outcome = outcome;
    }

    /** The columns of a record another service published on {@code audit-events}. */
    protected AuditColumns(AuditRecorded recorded) {
        this(recorded.occurredAt(), recorded.actor(), String.join(",", recorded.roles()), recorded.action(),
                recorded.resourceType(), recorded.resourceId(), recorded.outcome());
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

    public List<String> roleList() {
        return roles.isEmpty() ? List.of() : List.of(roles.split(","));
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

    public AuditRecord.Outcome outcome() {
        return outcome;
    }
}
