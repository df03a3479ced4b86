-- Baseline of the outcomes-service database. The platform tables (outbox, inbox, audit) come from
-- db/platform (versions 0.x); this service's own tables start here with V2 onwards.
COMMENT ON SCHEMA public IS 'Linkwork outcomes-service: Wellbeing measures (ONS4, SWEMWBS, UCLA-3), change over time, ICS reports and the pseudonymised ICS event stream.';
