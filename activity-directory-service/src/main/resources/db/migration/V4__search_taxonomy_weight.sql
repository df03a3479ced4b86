-- Full-text search weighs a service's name (A) above the names of its taxonomy terms (B) above its
-- description (C). Term names live in other tables, which a generated column cannot read, so the stored
-- vector becomes a plain column kept current by triggers on service, attribute and taxonomy_term.
ALTER TABLE service DROP COLUMN search_vector;
ALTER TABLE service ADD COLUMN search_vector tsvector NOT NULL DEFAULT ''::tsvector;

CREATE FUNCTION service_search_vector(service_id uuid, name text, description text) RETURNS tsvector
    LANGUAGE sql STABLE AS $$
    SELECT setweight(to_tsvector('english', coalesce(name, '')), 'A')
        || setweight(to_tsvector('english', coalesce((SELECT string_agg(t.name, ' ' ORDER BY t.name)
               FROM attribute a JOIN taxonomy_term t ON t.id = a.taxonomy_term_id WHERE a.service_id = $1), '')), 'B')
        || setweight(to_tsvector('english', coalesce(description, '')), 'C')
$$;

CREATE FUNCTION service_search_vector_own() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := service_search_vector(NEW.id, NEW.name, NEW.description);
    RETURN NEW;
END
$$;
CREATE TRIGGER service_search_vector_own BEFORE INSERT OR UPDATE OF name, description ON service
    FOR EACH ROW EXECUTE FUNCTION service_search_vector_own();

-- Statement-level with transition tables, so a bulk load recomputes each service once per statement.
CREATE FUNCTION service_search_vector_terms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE service s SET search_vector = service_search_vector(s.id, s.name, s.description)
     WHERE s.id IN (SELECT service_id FROM changed);
    RETURN NULL;
END
$$;
CREATE TRIGGER attribute_added AFTER INSERT ON attribute REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION service_search_vector_terms();
CREATE TRIGGER attribute_removed AFTER DELETE ON attribute REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION service_search_vector_terms();
CREATE TRIGGER attribute_moved_from AFTER UPDATE ON attribute REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION service_search_vector_terms();
CREATE TRIGGER attribute_moved_to AFTER UPDATE ON attribute REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION service_search_vector_terms();

CREATE FUNCTION taxonomy_term_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE service s SET search_vector = service_search_vector(s.id, s.name, s.description)
     WHERE s.id IN (SELECT a.service_id FROM attribute a JOIN renamed r ON r.id = a.taxonomy_term_id);
    RETURN NULL;
END
$$;
CREATE TRIGGER taxonomy_term_renamed AFTER UPDATE ON taxonomy_term REFERENCING NEW TABLE AS renamed
    FOR EACH STATEMENT EXECUTE FUNCTION taxonomy_term_renamed();

UPDATE service SET search_vector = service_search_vector(id, name, description);
CREATE INDEX service_search ON service USING gin (search_vector);
