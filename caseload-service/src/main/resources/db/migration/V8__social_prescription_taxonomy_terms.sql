-- The kinds of activity (codes of the directory's social prescribing taxonomy) of the prescribed service, as the
-- directory gave them when it was suggested, so that prescriptions can be counted by kind
-- (org.linkwork.case.activity-prescribed.v2). Empty where the directory did not know the service or could not be
-- reached, and on earlier prescriptions.
ALTER TABLE social_prescription ADD COLUMN taxonomy_terms text[] NOT NULL DEFAULT '{}';
