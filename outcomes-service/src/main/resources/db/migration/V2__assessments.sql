-- Wellbeing assessments (ONS4, SWEMWBS, UCLA-3) recorded for a case, with the answers as given and the scores
-- computed from them when recorded, so reports read scores without re-scoring.
CREATE TABLE assessment (
    id            UUID PRIMARY KEY,
    case_id       UUID         NOT NULL,
    instrument    VARCHAR(10)  NOT NULL CHECK (instrument IN ('ONS4', 'SWEMWBS', 'UCLA3')),
    timepoint     VARCHAR(10)  NOT NULL CHECK (timepoint IN ('BASELINE', 'REVIEW', 'DISCHARGE')),
    completed_at  TIMESTAMPTZ  NOT NULL,
    recorded_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX assessment_case_idx ON assessment (case_id, instrument, completed_at);

CREATE TABLE assessment_answer (
    assessment_id  UUID        NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    item           VARCHAR(40) NOT NULL,
    answer         SMALLINT    NOT NULL CHECK (answer BETWEEN 0 AND 10),
    PRIMARY KEY (assessment_id, item)
);

-- ONS4: one row per item with its ONS band; SWEMWBS: raw and metric; UCLA-3: total with LONELY/NOT_LONELY.
CREATE TABLE assessment_score (
    assessment_id  UUID          NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    position       SMALLINT      NOT NULL,
    measure        VARCHAR(40)   NOT NULL,
    score          NUMERIC       NOT NULL, -- unconstrained scale: 24 stays 24, a SWEMWBS metric 21.54 keeps its decimals
    band           VARCHAR(20),
    PRIMARY KEY (assessment_id, position)
);
