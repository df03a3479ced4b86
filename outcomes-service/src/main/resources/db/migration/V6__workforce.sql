-- The workforce as caseload-service announces it (org.linkwork.link-worker.changed.v1): each link worker's current
-- PCN, whole-time equivalent and whether they take cases. No name or user name.
CREATE TABLE link_worker_record (
    link_worker_id  UUID PRIMARY KEY,
    pcn_code        VARCHAR(10)   NOT NULL,
    fte             NUMERIC(3, 2) NOT NULL,
    active          BOOLEAN       NOT NULL,
    changed_at      TIMESTAMPTZ   NOT NULL
);
CREATE INDEX link_worker_record_pcn_idx ON link_worker_record (pcn_code, active);
-- The workforce report counts each PCN's open cases and the cases begun in the last year.
CREATE INDEX case_record_pcn_idx ON case_record (pcn_code, first_assigned_at);
