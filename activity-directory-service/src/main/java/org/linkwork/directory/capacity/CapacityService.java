package org.linkwork.directory.capacity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.jboss.logging.Logger;
import org.linkwork.directory.services.DirectoryEvent;
import org.linkwork.directory.services.ServiceRepository;

/**
 * Places taken per service, from the social prescriptions caseload-service reports. Places taken are not
 * curated content, so the count changes without moving the service's version and never conflicts with a
 * curator's edit. Runs in the caller's (the inbox's) transaction, so a redelivered event neither counts
 * nor announces twice: {@link CapacityChanged} for every change, {@link ServiceFull} when the last place goes.
 */
@ApplicationScoped
public class CapacityService {

    private static final Logger LOG = Logger.getLogger(CapacityService.class);

    private final ServiceRepository services;
    private final Event<DirectoryEvent> announced;

    CapacityService(ServiceRepository services, Event<DirectoryEvent> announced) {
        this.services = services;
        this.announced = announced;
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
                announce(places, causeId, causeType);
            }
        }, () -> LOG.debugf("%s %s names service %s, not in this directory", causeType, causeId, serviceId));
    }

    private void announce(ServiceRepository.PlacesTaken places, String causeId, String causeType) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Integer perSession = places.placesPerSession();
        int after = places.after();
        announced.fire(new CapacityChanged(places.serviceId(), perSession, after, available(perSession, after),
                after - places.before(), causeId, causeType, now));
        Integer availableBefore = available(perSession, places.before());
        if (availableBefore != null && availableBefore > 0 && available(perSession, after) == 0) {
            announced.fire(new ServiceFull(places.serviceId(), places.name(), perSession, after, causeId, now));
        }
    }

    private static Integer available(Integer placesPerSession, int taken) {
        return placesPerSession == null ? null : Math.max(0, placesPerSession - taken);
    }
}
