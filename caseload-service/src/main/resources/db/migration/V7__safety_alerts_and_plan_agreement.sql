-- PRSB items the accepted referral carries for the link worker: carer status and living situation with the patient,
-- and the safety and lone-working alerts to read before a home visit (each read audited). Empty on earlier cases.
ALTER TABLE case_record
    ADD COLUMN carer_status     VARCHAR(20),
    ADD COLUMN living_situation VARCHAR(20);

CREATE TABLE case_safety_alert (
    case_id   UUID        NOT NULL REFERENCES case_record (id) ON DELETE CASCADE,
    position  INTEGER     NOT NULL,
    category  VARCHAR(30) NOT NULL,
    note      VARCHAR(500),
    PRIMARY KEY (case_id, position)
);

-- When the person agreed their personalised care and support plan, and with whom; null until they have.
ALTER TABLE care_plan
    ADD COLUMN agreed_at TIMESTAMPTZ,
    ADD COLUMN agreed_by VARCHAR(255);
