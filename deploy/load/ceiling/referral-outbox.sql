-- One pgbench transaction = what accepting a referral must at least cost the database: one referral-like row of
-- about 0.5 KB jsonb and one outbox row, committed together (durably: the server's fsync and synchronous_commit).
\set n random(1, 999999999)
BEGIN;
INSERT INTO ceiling_referral (id, nhs_number, body, received_at) VALUES (gen_random_uuid(), :n,
    jsonb_build_object('patient', jsonb_build_object('nhsNumber', :n, 'givenName', 'Margaret', 'familyName', 'Hughes',
        'dateOfBirth', '1951-06-02', 'postcode', 'LS6 4AA', 'phone', '0113 496 0000', 'preferredContact', 'PHONE'),
      'referrer', jsonb_build_object('odsCode', 'B86043', 'practitionerName', 'Dr Asha Patel', 'practitionerRole', 'GP'),
      'reasons', jsonb_build_array('LONELINESS', 'LOW_MOOD'), 'urgency', 'ROUTINE',
      'consent', jsonb_build_object('given', true, 'recordedAt', now()),
      'notes', 'Widowed last year, rarely leaves the house; would like company and to get out more. Prefers mornings.'),
    now());
INSERT INTO ceiling_outbox (id, topic, aggregate_id, payload, created_at) VALUES (gen_random_uuid(), 'referral-events',
    gen_random_uuid(), jsonb_build_object('type', 'org.linkwork.referral.received.v1', 'nhsNumber', :n, 'odsCode', 'B86043'),
    now());
END;
