package org.linkwork.directory.services;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What a link worker searches for. The age bounds describe the person: a service matches when its
 * eligible ages overlap {@code [minimumAge, maximumAge]}, so minimum_age=70&amp;maximum_age=70
 * finds what a 70-year-old can join. {@code modifiedAfter} keeps services last modified at or after
 * that instant (ORUK {@code modified_after}), for feeds that fetch only what changed.
 */
public record SearchCriteria(String text, UUID taxonomyTermId, UUID taxonomyId, UUID organizationId,
        OffsetDateTime modifiedAfter, Postcodes.Coordinates near, Integer proximityMetres, Integer minimumAge,
        Integer maximumAge, String day, int page, int perPage) {
}
