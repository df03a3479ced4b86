-- The directory after HSDS 3 / Open Referral UK: column names follow the standard's field names so the
-- read API maps one to one. Capacity and referral routes are Linkwork additions link workers need.

CREATE TABLE organization (
    id          uuid PRIMARY KEY,
    name        text NOT NULL,
    description text NOT NULL,
    email       text,
    website     text,
    version     bigint NOT NULL DEFAULT 0
);

CREATE TABLE location (
    id              uuid PRIMARY KEY,
    organization_id uuid REFERENCES organization (id),
    location_type   text NOT NULL DEFAULT 'physical',
    name            text,
    description     text,
    address_1       text,
    city            text,
    state_province  text,
    postal_code     text,
    latitude        double precision,
    longitude       double precision,
    version         bigint NOT NULL DEFAULT 0,
    CONSTRAINT location_uk_coordinates CHECK (latitude IS NULL OR (latitude BETWEEN 49.8 AND 60.9 AND longitude BETWEEN -8.7 AND 1.8))
);
-- Proximity search prefilters on a bounding box of these two columns.
CREATE INDEX location_coordinates ON location (latitude, longitude);

CREATE TABLE accessibility (
    id          uuid PRIMARY KEY,
    location_id uuid NOT NULL REFERENCES location (id) ON DELETE CASCADE,
    description text,
    details     text,
    url         text
);
CREATE INDEX accessibility_location ON accessibility (location_id);

CREATE TABLE service (
    id                      uuid PRIMARY KEY,
    organization_id         uuid NOT NULL REFERENCES organization (id),
    name                    text NOT NULL,
    description             text,
    url                     text,
    email                   text,
    status                  text NOT NULL CHECK (status IN ('active', 'inactive', 'defunct', 'temporarily closed')),
    fees_description        text,
    eligibility_description text,
    minimum_age             integer CHECK (minimum_age >= 0),
    maximum_age             integer CHECK (maximum_age >= 0),
    places_per_session      integer CHECK (places_per_session >= 0),
    places_taken            integer NOT NULL DEFAULT 0 CHECK (places_taken >= 0),
    self_referral           boolean NOT NULL DEFAULT false,
    link_worker_referral    boolean NOT NULL DEFAULT true,
    referral_instructions   text,
    last_modified           timestamptz NOT NULL DEFAULT now(),
    version                 bigint NOT NULL DEFAULT 0,
    CONSTRAINT service_age_range CHECK (minimum_age IS NULL OR maximum_age IS NULL OR minimum_age <= maximum_age)
);
CREATE INDEX service_organization ON service (organization_id);

CREATE TABLE service_at_location (
    id          uuid PRIMARY KEY,
    service_id  uuid NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    location_id uuid NOT NULL REFERENCES location (id),
    description text
);
CREATE INDEX service_at_location_service ON service_at_location (service_id);
CREATE INDEX service_at_location_location ON service_at_location (location_id);

CREATE TABLE schedule (
    id          uuid PRIMARY KEY,
    service_id  uuid NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    freq        text NOT NULL DEFAULT 'WEEKLY' CHECK (freq IN ('WEEKLY', 'MONTHLY')),
    byday       text,
    opens_at    time,
    closes_at   time,
    valid_from  date,
    valid_to    date,
    description text,
    CONSTRAINT schedule_times CHECK (opens_at IS NULL OR closes_at IS NULL OR opens_at < closes_at)
);
CREATE INDEX schedule_service ON schedule (service_id);

CREATE TABLE taxonomy (
    id          uuid PRIMARY KEY,
    name        text NOT NULL,
    description text NOT NULL,
    uri         text,
    version     text
);

CREATE TABLE taxonomy_term (
    id          uuid PRIMARY KEY,
    taxonomy_id uuid NOT NULL REFERENCES taxonomy (id),
    code        text NOT NULL,
    name        text NOT NULL,
    description text NOT NULL,
    parent_id   uuid REFERENCES taxonomy_term (id),
    UNIQUE (taxonomy_id, code)
);

-- HSDS 3 links terms to services through attribute rows (link_type 'service').
CREATE TABLE attribute (
    id               uuid PRIMARY KEY,
    service_id       uuid NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    taxonomy_term_id uuid NOT NULL REFERENCES taxonomy_term (id),
    UNIQUE (service_id, taxonomy_term_id)
);
CREATE INDEX attribute_term ON attribute (taxonomy_term_id);

CREATE TABLE contact (
    id         uuid PRIMARY KEY,
    service_id uuid NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    name       text,
    title      text,
    email      text,
    phone      text
);
CREATE INDEX contact_service ON contact (service_id);

CREATE TABLE cost_option (
    id                 uuid PRIMARY KEY,
    service_id         uuid NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    option             text,
    currency           text,
    amount             numeric(10, 2) CHECK (amount >= 0),
    amount_description text
);
CREATE INDEX cost_option_service ON cost_option (service_id);

CREATE TABLE language (
    id         uuid PRIMARY KEY,
    service_id uuid NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    name       text,
    code       text,
    note       text
);
CREATE INDEX language_service ON language (service_id);

-- Full-text search, name weighted above description; the GIN index serves the text filter.
ALTER TABLE service ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(name, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(description, '')), 'C')) STORED;
CREATE INDEX service_search ON service USING gin (search_vector);
