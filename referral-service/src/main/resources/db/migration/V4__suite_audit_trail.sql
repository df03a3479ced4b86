-- The suite's consolidated audit trail: every service's audit records, gathered from audit-events
-- (org.linkwork.audit.recorded.v1) through the inbox. A record is identified in the suite by the
-- service that wrote it and its id there.
CREATE TABLE suite_audit_record (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    service            VARCHAR(100) NOT NULL,
    service_record_id  BIGINT       NOT NULL,
    occurred_at        TIMESTAMPTZ  NOT NULL,
    actor              VARCHAR(200) NOT NULL,
    roles              VARCHAR(500) NOT NULL,
    action             VARCHAR(100) NOT NULL,
    resource_type      VARCHAR(100) NOT NULL,
    resource_id        VARCHAR(200),
    nhs_number         VARCHAR(100),
    outcome            VARCHAR(20)  NOT NULL,
    received_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (service, service_record_id)
);
CREATE INDEX suite_audit_record_patient_idx ON suite_audit_record (nhs_number, occurred_at);
CREATE INDEX suite_audit_record_actor_idx ON suite_audit_record (actor, occurred_at);
-- outcomes-service records name a case, not a patient: found through the referral of the case.
CREATE INDEX suite_audit_record_case_idx ON suite_audit_record (resource_id) WHERE nhs_number IS NULL AND resource_type = 'Case';
CREATE INDEX referral_case_idx ON referral (case_id);
-- The open-referral index covers only open referrals; an auditor asks about closed ones too.
CREATE INDEX referral_nhs_number_idx ON referral (nhs_number);
