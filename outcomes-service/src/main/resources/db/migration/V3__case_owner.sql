-- Who works each case, learnt from caseload-service's case.assigned events: link workers record and
-- read assessments of their own cases only; coordinators those of their PCN.
CREATE TABLE case_owner (
    case_id      UUID PRIMARY KEY,
    referral_id  UUID         NOT NULL,
    link_worker  VARCHAR(255) NOT NULL,
    pcn_code     VARCHAR(10),
    assigned_at  TIMESTAMPTZ  NOT NULL
);
