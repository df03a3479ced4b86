-- Baseline of the referral-service database. The platform tables (outbox, inbox, audit) come from
-- db/platform (versions 0.x); this service's own tables start here with V2 onwards.
COMMENT ON SCHEMA public IS 'Linkwork referral-service: Referrals from GP clinical systems and other NHS services (JSON and FHIR R4), triage and the referral lifecycle.';
