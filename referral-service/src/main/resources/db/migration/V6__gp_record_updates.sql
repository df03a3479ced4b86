-- What the referring practice's record should show of each referral, coded (SNOMED CT where a code is published),
-- written in the transaction of the change that caused it and published on gp-record-events.
CREATE TABLE gp_record_update (
    id           UUID PRIMARY KEY,
    referral_id  UUID         NOT NULL REFERENCES referral (id),
    ods_code     VARCHAR(10)  NOT NULL,
    nhs_number   VARCHAR(10)  NOT NULL,
    concept      VARCHAR(40)  NOT NULL,
    -- '' for concepts a referral has once; the prescription's id for each social prescription given.
    subject_key  VARCHAR(64)  NOT NULL DEFAULT '',
    code_system  VARCHAR(100) NOT NULL,
    code         VARCHAR(40)  NOT NULL,
    display      VARCHAR(200) NOT NULL,
    reason       VARCHAR(40),
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT gp_record_update_once UNIQUE (referral_id, concept, subject_key)
);
-- A practice's system asks for what changed since it last looked, newest first.
CREATE INDEX gp_record_update_practice ON gp_record_update (ods_code, recorded_at DESC, id DESC);
CREATE INDEX gp_record_update_patient ON gp_record_update (nhs_number, recorded_at DESC);
