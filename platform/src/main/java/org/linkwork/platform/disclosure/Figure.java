package org.linkwork.platform.disclosure;

/**
 * One published number: {@code suppressed} true when withheld (value null); not suppressed with value null when
 * there is nothing to work it out from (e.g. a median of no cases). Each service documents it in its own OpenAPI
 * ({@code mp.openapi.schema.org.linkwork.platform.disclosure.Figure}), so a service that publishes none does not
 * carry the schema.
 */
public record Figure(Number value, boolean suppressed) {

    static final Figure SUPPRESSED = new Figure(null, true);
    static final Figure NOT_APPLICABLE = new Figure(null, false);
}
