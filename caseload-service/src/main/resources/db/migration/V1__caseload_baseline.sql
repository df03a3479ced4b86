-- Baseline of the caseload-service database. The platform tables (outbox, inbox, audit) come from
-- db/platform (versions 0.x); this service's own tables start here with V2 onwards.
COMMENT ON SCHEMA public IS 'Linkwork caseload-service: Link workers, capacity-aware case assignment, contacts, personalised care plans and social prescriptions.';
