-- Social prescriptions: a case's referrals to community activities (directory services).
CREATE TABLE social_prescription (
    id             UUID PRIMARY KEY,
    case_id        UUID         NOT NULL REFERENCES case_record (id) ON DELETE CASCADE,
    service_id     VARCHAR(100) NOT NULL,
    service_name   VARCHAR(255),
    status         VARCHAR(20)  NOT NULL,
    created_by     VARCHAR(255) NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX social_prescription_case_idx ON social_prescription (case_id);
-- One live prescription per case and activity; ended ones may be followed by a new one.
CREATE UNIQUE INDEX social_prescription_live_idx ON social_prescription (case_id, service_id)
    WHERE status IN ('SUGGESTED', 'ACCEPTED', 'ATTENDING');
