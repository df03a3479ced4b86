-- Effects of the test consumer, so tests can count how often an event was applied.
CREATE TABLE test_effect (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id  VARCHAR(200) NOT NULL,
    label     VARCHAR(200) NOT NULL
);
