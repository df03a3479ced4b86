CREATE TABLE referral (
    id                    UUID PRIMARY KEY,
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
    ods_code              VARCHAR(10)  NOT NULL,
    practitioner_name     VARCHAR(255) NOT NULL,
    practitioner_role     VARCHAR(255) NOT NULL,
    urgency               VARCHAR(20)  NOT NULL,
    consent_recorded_at   TIMESTAMPTZ  NOT NULL,
    notes                 VARCHAR(4000),
    source                VARCHAR(10)  NOT NULL,
    status                VARCHAR(30)  NOT NULL,
    received_at           TIMESTAMPTZ  NOT NULL,
    updated_at            TIMESTAMPTZ  NOT NULL,
    case_id               VARCHAR(100),
    link_worker           VARCHAR(255),
    version               BIGINT       NOT NULL DEFAULT 0
);
-- A patient has at most one open referral; the service answers 409 before this fires, the index
-- settles races between two requests.
CREATE UNIQUE INDEX referral_one_open_per_patient ON referral (nhs_number)
    WHERE status IN ('RECEIVED', 'ACCEPTED', 'ASSIGNED', 'IN_PROGRESS');
CREATE INDEX referral_practice_idx ON referral (ods_code, received_at);
CREATE INDEX referral_status_idx ON referral (status, received_at);

CREATE TABLE referral_reason (
    referral_id  UUID        NOT NULL REFERENCES referral (id) ON DELETE CASCADE,
    reason       VARCHAR(40) NOT NULL,
    PRIMARY KEY (referral_id, reason)
);

CREATE TABLE referral_status_change (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    referral_id  UUID         NOT NULL REFERENCES referral (id) ON DELETE CASCADE,
    from_status  VARCHAR(30),
    to_status    VARCHAR(30)  NOT NULL,
    changed_at   TIMESTAMPTZ  NOT NULL,
    actor        VARCHAR(255) NOT NULL,
    reason       VARCHAR(2000)
);
CREATE INDEX referral_status_change_referral_idx ON referral_status_change (referral_id, changed_at);

-- Idempotency-Key of a create request, per calling client: a retry with the same key and body
-- gets the original referral back; the same key with another body is refused.
CREATE TABLE referral_idempotency (
    client        VARCHAR(255) NOT NULL,
    key           VARCHAR(255) NOT NULL,
    request_hash  CHAR(64)     NOT NULL,
    -- Written before the referral row in the same transaction, hence checked at commit.
    referral_id   UUID         NOT NULL REFERENCES referral (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (client, key)
);
