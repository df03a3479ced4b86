-- PRSB social prescribing standard items the referrer may send, all optional: referrals made before they were
-- asked for, and referrers who do not send them, leave them empty.
ALTER TABLE referral
    ADD COLUMN sex VARCHAR(20) CONSTRAINT referral_sex_check CHECK (sex IN ('MALE', 'FEMALE', 'INDETERMINATE', 'NOT_KNOWN')),
    ADD COLUMN ethnic_category CHAR(1) CONSTRAINT referral_ethnic_category_check CHECK (ethnic_category IN
        ('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'R', 'S', 'Z')),
    ADD COLUMN carer_status VARCHAR(20) CONSTRAINT referral_carer_status_check CHECK (carer_status IN ('CARER', 'CARED_FOR', 'BOTH', 'NEITHER')),
    ADD COLUMN living_situation VARCHAR(20) CONSTRAINT referral_living_situation_check
        CHECK (living_situation IN ('LIVES_ALONE', 'LIVES_WITH_OTHERS', 'CARE_HOME', 'NO_FIXED_ABODE')),
    ADD COLUMN lsoa_code VARCHAR(9) CONSTRAINT referral_lsoa_code_check CHECK (lsoa_code ~ '^E01[0-9]{6}$');

-- What a link worker must know before visiting the patient alone, in the order the referrer gave them.
CREATE TABLE referral_safety_alert (
    referral_id UUID         NOT NULL REFERENCES referral (id) ON DELETE CASCADE,
    position    INTEGER      NOT NULL,
    category    VARCHAR(30)  NOT NULL CHECK (category IN
        ('RISK_TO_LONE_WORKER', 'AGGRESSIVE_BEHAVIOUR', 'ANIMALS_AT_ADDRESS', 'SAFEGUARDING_CONCERN', 'OTHER')),
    note        VARCHAR(500),
    PRIMARY KEY (referral_id, position)
);
