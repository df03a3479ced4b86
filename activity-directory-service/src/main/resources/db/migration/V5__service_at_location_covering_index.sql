-- Proximity search starts from the venues inside the bounding box and needs their services: with the
-- service id in the index that step is an index-only lookup per venue, not a scan of every
-- service_at_location row. It replaces the location-only index, which it covers.
CREATE INDEX service_at_location_location_service ON service_at_location (location_id, service_id);
DROP INDEX service_at_location_location;
