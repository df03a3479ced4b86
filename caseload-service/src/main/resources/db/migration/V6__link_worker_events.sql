-- The workforce reports learn link workers from org.linkwork.link-worker.changed.v1. Workers added before that
-- event existed are announced once here, through the outbox like any other event, so no PCN's capacity is missing.
INSERT INTO outbox_event (event_id, topic, aggregate_key, event_type, event_source, event_time, content_type, payload)
SELECT gen_random_uuid(), 'caseload-events', id::text, 'org.linkwork.link-worker.changed.v1', '${eventSource}', now(),
       'application/json',
       jsonb_build_object('linkWorkerId', id, 'pcnCode', pcn_code, 'fte', fte, 'active', active,
                          'changedAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text
FROM link_worker
ORDER BY id;
