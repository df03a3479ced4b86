-- The kinds of activity of each social prescription: the directory's taxonomy term codes of the service, from
-- caseload-service's case.activity-prescribed.v2. NULL while only v1 has told of the prescription (not known),
-- empty when the directory knew no term for the service.
ALTER TABLE prescription_record ADD COLUMN taxonomy_terms TEXT[];
-- The monthly and prescriptions reports both select prescriptions by when they were accepted.
CREATE INDEX prescription_record_prescribed_idx ON prescription_record (prescribed_at);
