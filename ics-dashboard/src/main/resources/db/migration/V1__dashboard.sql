-- The dashboard's own aggregates, built from ics-events alone (each event applied once through the platform inbox).
-- One row per referral pseudonym: the facts of its journey the figures need, no identifier, no free text.
CREATE TABLE journey (
    referral                  CHAR(64) PRIMARY KEY,
    ods_code                  VARCHAR(6),
    -- The PCN of the case, as its events named it (null until caseload-service placed it).
    case_pcn_code             VARCHAR(10),
    received_at               TIMESTAMPTZ,
    sex                       VARCHAR(20),
    ethnic_group              VARCHAR(20),
    age_band                  VARCHAR(10),
    imd_decile                SMALLINT,
    first_assigned_at         TIMESTAMPTZ,
    closed_at                 TIMESTAMPTZ,
    first_attended_contact_at TIMESTAMPTZ
);
CREATE INDEX journey_received_idx ON journey (received_at);
CREATE INDEX journey_first_contact_idx ON journey (first_attended_contact_at);

-- The PCN each practice was last seen in: referrals are counted in their practice's PCN, as in the report API.
CREATE TABLE practice_pcn (
    ods_code  VARCHAR(6) PRIMARY KEY,
    pcn_code  VARCHAR(10) NOT NULL
);

-- Each link worker's latest announced state, keyed by the worker's pseudonym.
CREATE TABLE link_worker (
    pseudonym   CHAR(64) PRIMARY KEY,
    pcn_code    VARCHAR(10)   NOT NULL,
    fte         NUMERIC(3, 2) NOT NULL,
    active      BOOLEAN       NOT NULL,
    changed_at  TIMESTAMPTZ   NOT NULL
);
