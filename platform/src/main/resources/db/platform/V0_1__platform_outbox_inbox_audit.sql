-- Platform tables every service carries. Platform migrations are numbered 0.x so that they
-- sort before a service's own migrations (V1 onwards) in the one Flyway history per database.

-- Transactional outbox: written in the same transaction as the state change it announces,
-- published to Kafka by the relay, marked sent only after the broker acknowledged it.
CREATE TABLE outbox_event (
    seq            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id       UUID         NOT NULL UNIQUE,
    topic          VARCHAR(249) NOT NULL,
    aggregate_key  VARCHAR(200) NOT NULL,
    event_type     VARCHAR(200) NOT NULL,
    event_source   VARCHAR(200) NOT NULL,
    event_time     TIMESTAMPTZ  NOT NULL,
    content_type   VARCHAR(100) NOT NULL,
    payload        TEXT         NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at        TIMESTAMPTZ
);
-- The relay only ever looks for unsent rows in insertion order.
CREATE INDEX outbox_event_pending_idx ON outbox_event (seq) WHERE sent_at IS NULL;

-- Idempotent inbox: one row per event a consumer has applied, written in the effect's transaction.
CREATE TABLE inbox_event (
    consumer      VARCHAR(100) NOT NULL,
    event_id      VARCHAR(200) NOT NULL,
    event_type    VARCHAR(200),
    processed_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- Who touched which patient's data, when, and with what outcome.
CREATE TABLE audit_record (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    actor          VARCHAR(200) NOT NULL,
    roles          VARCHAR(500) NOT NULL,
    action         VARCHAR(100) NOT NULL,
    resource_type  VARCHAR(100) NOT NULL,
    resource_id    VARCHAR(200),
    patient_id     VARCHAR(100),
    outcome        VARCHAR(20)  NOT NULL
);
CREATE INDEX audit_record_patient_idx ON audit_record (patient_id, occurred_at);
CREATE INDEX audit_record_actor_idx ON audit_record (actor, occurred_at);
