-- Each score of each assessment the stream told of (ics assessment-recorded: instrument, timepoint and scores, no
-- answers), under the referral's pseudonym: the change from baseline is worked out from them as the report does.
CREATE TABLE assessment_score (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    referral      CHAR(64)      NOT NULL,
    instrument    VARCHAR(20)   NOT NULL,
    timepoint     VARCHAR(20)   NOT NULL,
    completed_at  TIMESTAMPTZ   NOT NULL,
    measure       VARCHAR(40)   NOT NULL,
    value         NUMERIC(7, 2) NOT NULL
);
CREATE INDEX assessment_score_referral_idx ON assessment_score (referral);
CREATE INDEX assessment_score_follow_up_idx ON assessment_score (completed_at) WHERE timepoint <> 'BASELINE';
