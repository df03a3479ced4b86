-- Primary care networks and their member practices: which link workers cover a patient's practice.
CREATE TABLE pcn (
    code  VARCHAR(10)  PRIMARY KEY,
    name  VARCHAR(255) NOT NULL
);

CREATE TABLE practice (
    ods_code  VARCHAR(10)  PRIMARY KEY,
    name      VARCHAR(255) NOT NULL,
    postcode  VARCHAR(8),
    pcn_code  VARCHAR(10)  NOT NULL REFERENCES pcn (code)
);
CREATE INDEX practice_pcn_idx ON practice (pcn_code);

CREATE TABLE link_worker (
    id             UUID PRIMARY KEY,
    username       VARCHAR(255) NOT NULL UNIQUE,
    name           VARCHAR(255) NOT NULL,
    pcn_code       VARCHAR(10)  NOT NULL REFERENCES pcn (code),
    fte            NUMERIC(3, 2) NOT NULL CHECK (fte > 0 AND fte <= 1),
    -- NULL: the configured cap per FTE (linkwork.caseload.cap-per-fte) times fte.
    caseload_cap   INTEGER CHECK (caseload_cap >= 0),
    languages      VARCHAR(500) NOT NULL DEFAULT '',
    active         BOOLEAN      NOT NULL DEFAULT TRUE,
    version        BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX link_worker_pcn_idx ON link_worker (pcn_code, active);

-- One case per accepted referral ("case" is a reserved word, hence the table name).
CREATE TABLE case_record (
    id                    UUID PRIMARY KEY,
    referral_id           UUID         NOT NULL UNIQUE,
    nhs_number            VARCHAR(10)  NOT NULL,
    given_name            VARCHAR(255) NOT NULL,
    family_name           VARCHAR(255) NOT NULL,
    date_of_birth         DATE         NOT NULL,
    postcode              VARCHAR(8)   NOT NULL,
    phone                 VARCHAR(255),
    email                 VARCHAR(255),
    preferred_contact     VARCHAR(20)  NOT NULL,
    interpreter_language  VARCHAR(255),
    accessibility_needs   VARCHAR(2000),
    referral_notes        VARCHAR(4000),
    ods_code              VARCHAR(10)  NOT NULL,
    pcn_code              VARCHAR(10),
    urgency               VARCHAR(20)  NOT NULL,
    referral_received_at  TIMESTAMPTZ  NOT NULL,
    status                VARCHAR(20)  NOT NULL,
    link_worker_id        UUID REFERENCES link_worker (id),
    opened_at             TIMESTAMPTZ  NOT NULL,
    assigned_at           TIMESTAMPTZ,
    closed_at             TIMESTAMPTZ,
    closure_reason        VARCHAR(40),
    version               BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX case_worker_idx ON case_record (link_worker_id, status);
CREATE INDEX case_waiting_idx ON case_record (pcn_code, status, urgency, referral_received_at);

CREATE TABLE case_reason (
    case_id  UUID        NOT NULL REFERENCES case_record (id) ON DELETE CASCADE,
    reason   VARCHAR(40) NOT NULL,
    PRIMARY KEY (case_id, reason)
);

-- Appointments and other contacts with the patient.
CREATE TABLE contact (
    id                UUID PRIMARY KEY,
    case_id           UUID         NOT NULL REFERENCES case_record (id) ON DELETE CASCADE,
    contact_at        TIMESTAMPTZ  NOT NULL,
    mode              VARCHAR(20)  NOT NULL,
    duration_minutes  INTEGER      NOT NULL CHECK (duration_minutes > 0),
    attended          BOOLEAN      NOT NULL,
    note              VARCHAR(2000),
    recorded_by       VARCHAR(255) NOT NULL,
    recorded_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX contact_case_idx ON contact (case_id, contact_at);

-- "What matters to me" and the personalised care and support plan, one per case.
CREATE TABLE care_plan (
    case_id             UUID PRIMARY KEY REFERENCES case_record (id) ON DELETE CASCADE,
    what_matters_to_me  VARCHAR(4000) NOT NULL,
    agreed_actions      VARCHAR(4000),
    review_date         DATE,
    updated_by          VARCHAR(255)  NOT NULL,
    updated_at          TIMESTAMPTZ   NOT NULL,
    version             BIGINT        NOT NULL DEFAULT 0
);

CREATE TABLE care_plan_goal (
    case_id      UUID          NOT NULL REFERENCES care_plan (case_id) ON DELETE CASCADE,
    position     INTEGER       NOT NULL,
    domain       VARCHAR(30)   NOT NULL,
    description  VARCHAR(2000) NOT NULL,
    PRIMARY KEY (case_id, position)
);
