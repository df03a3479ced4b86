-- The ceiling's tables, in a scratch database beside the services' own: a referral-like row and its outbox row,
-- shaped like referral-service's (uuid keys, jsonb bodies, timestamps), without the services' indexes.
CREATE TABLE IF NOT EXISTS ceiling_referral (
    id          uuid PRIMARY KEY,
    nhs_number  text        NOT NULL,
    body        jsonb       NOT NULL,
    received_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS ceiling_outbox (
    id           uuid PRIMARY KEY,
    topic        text        NOT NULL,
    aggregate_id uuid        NOT NULL,
    payload      jsonb       NOT NULL,
    created_at   timestamptz NOT NULL
);
TRUNCATE ceiling_referral, ceiling_outbox;
