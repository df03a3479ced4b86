package org.linkwork.directory.services;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * ORUK {@code service_at_location} with its location and service: in lists the service's one-to-one
 * fields (HSDS {@code service_at_location_list}), for one item the fully nested service.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LocatedServiceView(String id, String serviceId, String locationId, String description, LocationView location,
        Object service) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceSummaryView(String id, String organizationId, String name, String description, String url, String email,
            String status, Integer minimumAge, Integer maximumAge, String lastModified, ServiceView.Capacity capacity,
            ServiceView.Referral referral, long version) {
    }

    static LocatedServiceView summary(ServiceAtLocation at, boolean withCapacity) {
        Service s = at.service;
        return of(at, new ServiceSummaryView(s.id.toString(), s.organization.id.toString(), s.name, s.description, s.url, s.email,
                s.status, s.minimumAge, s.maximumAge, ServiceView.dateTime(s.lastModified),
                withCapacity ? ServiceView.Capacity.of(s) : null, ServiceView.Referral.of(s), s.version));
    }

    static LocatedServiceView nested(ServiceAtLocation at, boolean withCapacity) {
        return of(at, ServiceView.of(at.service, null, withCapacity));
    }

    private static LocatedServiceView of(ServiceAtLocation at, Object service) {
        return new LocatedServiceView(at.id.toString(), at.service.id.toString(), at.location.id.toString(), at.description,
                LocationView.of(at.location), service);
    }
}
