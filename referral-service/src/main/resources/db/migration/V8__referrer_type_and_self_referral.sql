-- The kind of referrer. Referrals made before it was recorded came from GP systems or the nhs-service client;
-- which one is not stored, so the ODS code decides: GP practice codes are one letter and five digits.
ALTER TABLE referral ADD COLUMN referrer_type VARCHAR(20);
UPDATE referral SET referrer_type = CASE WHEN ods_code ~ '^[A-Z][0-9]{5}$' THEN 'GP_PRACTICE' ELSE 'OTHER_NHS_SERVICE' END;
ALTER TABLE referral ALTER COLUMN referrer_type SET NOT NULL;
ALTER TABLE referral ADD CONSTRAINT referral_referrer_type_check
    CHECK (referrer_type IN ('GP_PRACTICE', 'OTHER_NHS_SERVICE', 'LOCAL_AUTHORITY', 'VCSE', 'SELF'));
-- A self-referral has no clinician.
ALTER TABLE referral ALTER COLUMN practitioner_name DROP NOT NULL;
ALTER TABLE referral ALTER COLUMN practitioner_role DROP NOT NULL;
ALTER TABLE referral ADD CONSTRAINT referral_practitioner_check
    CHECK (referrer_type = 'SELF' OR (practitioner_name IS NOT NULL AND practitioner_role IS NOT NULL));

-- A person's own request to see a link worker, as they sent it, until a coordinator has traced their NHS number
-- and made it a referral.
CREATE TABLE self_referral (
    id                  UUID PRIMARY KEY,
    given_name          VARCHAR(255) NOT NULL,
    family_name         VARCHAR(255) NOT NULL,
    date_of_birth       DATE NOT NULL,
    postcode            VARCHAR(8) NOT NULL,
    phone               VARCHAR(255),
    email               VARCHAR(255),
    preferred_contact   VARCHAR(20) NOT NULL,
    nhs_number          VARCHAR(10),
    practice_ods_code   VARCHAR(10) NOT NULL,
    about               VARCHAR(2000),
    consent_statement   VARCHAR(64) NOT NULL,
    consent_given_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    status              VARCHAR(20) NOT NULL CHECK (status IN ('AWAITING_TRACE', 'REFERRED')),
    referral_id         UUID REFERENCES referral (id),
    traced_by           VARCHAR(255),
    traced_at           TIMESTAMP WITH TIME ZONE,
    version             BIGINT NOT NULL DEFAULT 0,
    CHECK ((status = 'REFERRED') = (referral_id IS NOT NULL))
);
CREATE INDEX self_referral_waiting ON self_referral (practice_ods_code, received_at) WHERE status = 'AWAITING_TRACE';

CREATE TABLE self_referral_reason (
    self_referral_id UUID NOT NULL REFERENCES self_referral (id) ON DELETE CASCADE,
    reason           VARCHAR(40) NOT NULL,
    PRIMARY KEY (self_referral_id, reason)
);
