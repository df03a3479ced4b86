-- Idempotent like every demo script: a fixed row, inserted once however often it runs.
INSERT INTO test_effect (event_id, label)
SELECT 'demo-row', 'demo data'
WHERE NOT EXISTS (SELECT 1 FROM test_effect WHERE event_id = 'demo-row');
