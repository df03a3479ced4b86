-- Read model built from referral-service's and caseload-service's events (through the inbox), for the ICS
-- reports and the pseudonymised ics-events stream. No NHS number, name, contact detail, date of birth or full
-- postcode is kept: only the keyed pseudonym, age band and postcode district computed on arrival.
CREATE TABLE referral_record (
    referral_id        UUID PRIMARY KEY,
    ods_code           VARCHAR(6),
    received_at        TIMESTAMPTZ,
    accepted_at        TIMESTAMPTZ,
    rejected_at        TIMESTAMPTZ,
    rejection_reason   VARCHAR(40),
    patient_pseudonym  CHAR(64),
    age_band           VARCHAR(5),
    postcode_district  VARCHAR(4)
);
CREATE INDEX referral_record_received_idx ON referral_record (received_at);

-- Referral events name only the practice; caseload-service's case events say which PCN it belongs to.
CREATE TABLE practice_pcn (
    ods_code   VARCHAR(6) PRIMARY KEY,
    pcn_code   VARCHAR(10) NOT NULL,
    learnt_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE case_record (
    case_id                    UUID PRIMARY KEY,
    referral_id                UUID        NOT NULL,
    ods_code                   VARCHAR(6),
    pcn_code                   VARCHAR(10),
    first_assigned_at          TIMESTAMPTZ,
    closed_at                  TIMESTAMPTZ,
    close_reason               VARCHAR(30),
    -- GP appointments in the 6 months before referral / after closure, as reported by the practice.
    gp_appointments_before     INTEGER CHECK (gp_appointments_before >= 0),
    gp_appointments_after      INTEGER CHECK (gp_appointments_after >= 0),
    gp_attendance_recorded_at  TIMESTAMPTZ,
    CHECK (gp_appointments_after IS NULL OR closed_at IS NOT NULL)
);
CREATE INDEX case_record_referral_idx ON case_record (referral_id);

CREATE TABLE contact_record (
    contact_id  UUID PRIMARY KEY,
    case_id     UUID        NOT NULL REFERENCES case_record (case_id),
    contact_at  TIMESTAMPTZ NOT NULL,
    attended    BOOLEAN     NOT NULL
);
CREATE INDEX contact_record_case_idx ON contact_record (case_id, contact_at);

CREATE TABLE prescription_record (
    prescription_id  UUID PRIMARY KEY,
    case_id          UUID        NOT NULL REFERENCES case_record (case_id),
    prescribed_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX prescription_record_case_idx ON prescription_record (case_id);
