package org.linkwork.directory.capacity;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.jboss.logging.Logger;
import org.linkwork.directory.services.ServiceRepository;

/**
 * Places taken per service, from the social prescriptions caseload-service reports. Places taken are not
 * curated content, so the count changes without moving the service's version and never conflicts with a
 * curator's edit. Runs in the caller's (the inbox's) transaction, so a redelivered event neither counts
 * nor announces twice.
 */
@ApplicationScoped
public class CapacityService {

    private static final Logger LOG = Logger.getLogger(CapacityService.class);

    private final ServiceRepository services;
    private final Event<PlacesTakenChanged> changed;

    CapacityService(ServiceRepository services, Event<PlacesTakenChanged> changed) {
        this.services = services;
        this.changed = changed;
    }

    /**
     * A place taken ({@code change} +1) or freed (-1, never below 0) because of the event {@code causeId}. A service
     * id that is not a directory id is passed over: link workers may prescribe activities outside the directory.
     */
    public void movePlacesTaken(String service, int change, String causeId, String causeType) {
        UUID serviceId;
        try {
            serviceId = UUID.fromString(service);
        } catch (IllegalArgumentException e) {
            LOG.debugf("%s %s names service %s, not a directory id", causeType, causeId, service);
            return;
        }
        services.movePlacesTaken(serviceId, change).ifPresentOrElse(places -> {
            if (places.before() != places.after()) {
                changed.fire(new PlacesTakenChanged(serviceId, places.name(), places.placesPerSession(), places.before(),
                        places.after(), causeId, causeType));
            }
        }, () -> LOG.debugf("%s %s names service %s, not in this directory", causeType, causeId, serviceId));
    }
}
