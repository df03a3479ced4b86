package org.linkwork.referral.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.linkwork.platform.audit.AuditColumns;
import org.linkwork.platform.audit.AuditRecorded;

/** One audit record of any service of the suite, as it arrived on {@code audit-events}. */
@Entity
@Table(name = "suite_audit_record")
public class SuiteAuditRecord extends AuditColumns {

    @Column(nullable = false, updatable = false)
    public String service;

    @Column(name = "service_record_id", nullable = false, updatable = false)
    public long serviceRecordId;

    @Column(name = "nhs_number", updatable = false)
    public String nhsNumber;

    protected SuiteAuditRecord() {
    }

    SuiteAuditRecord(String service, AuditRecorded recorded) {
        super(recorded);
        this.service = service;
        this.serviceRecordId = recorded.recordId();
        this.nhsNumber = recorded.nhsNumber();
    }
}
