-- The patient's administrative gender (FHIR AdministrativeGender), optional: referrals made before it was asked
-- for, and referrers who do not send it, leave it empty and the FHIR facade answers "unknown".
ALTER TABLE referral ADD COLUMN gender VARCHAR(10)
    CONSTRAINT referral_gender_check CHECK (gender IN ('MALE', 'FEMALE', 'OTHER', 'UNKNOWN'));
