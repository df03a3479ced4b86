-- Who was referred, for reporting on reach: sex as the referrer coded it, the broad ethnic group and the IMD 2019
-- decile of the home's LSOA (the LSOA itself is not kept). Empty for referrals that did not carry them.
ALTER TABLE referral_record
    ADD COLUMN sex          VARCHAR(20),
    ADD COLUMN ethnic_group VARCHAR(10) CHECK (ethnic_group IN ('WHITE', 'MIXED', 'ASIAN', 'BLACK', 'OTHER', 'NOT_STATED')),
    ADD COLUMN imd_decile   SMALLINT CHECK (imd_decile BETWEEN 1 AND 10);

-- When the person agreed their personalised care and support plan (caseload-service's case.plan-agreed).
ALTER TABLE case_record ADD COLUMN plan_agreed_at TIMESTAMPTZ;
CREATE INDEX case_record_plan_agreed_idx ON case_record (plan_agreed_at);
