-- Baseline of the activity-directory-service database. The platform tables (outbox, inbox, audit) come from
-- db/platform (versions 0.x); this service's own tables start here with V2 onwards.
COMMENT ON SCHEMA public IS 'Linkwork activity-directory-service: The directory of community activities, Open Referral UK compatible, with live capacity.';
