package org.linkwork.directory.testing;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManager;

import org.linkwork.directory.services.Accessibility;
import org.linkwork.directory.services.Location;
import org.linkwork.directory.organizations.Organization;
import org.linkwork.directory.services.Attribute;
import org.linkwork.directory.services.Contact;
import org.linkwork.directory.services.CostOption;
import org.linkwork.directory.services.Language;
import org.linkwork.directory.services.Schedule;
import org.linkwork.directory.services.Service;
import org.linkwork.directory.services.ServiceAtLocation;
import org.linkwork.directory.taxonomies.Taxonomy;
import org.linkwork.directory.taxonomies.TaxonomyTerm;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Writes directory data for a test. Every test tags its services with a word of its own
 * ({@link #tag()}) and searches with it, so tests sharing the database never see each other's rows.
 */
public final class Directory {

    public static final UUID TAXONOMY = UUID.fromString("8106ae87-ef08-5db8-863c-b7a12789d026");
    public static final UUID WALKING = UUID.fromString("160729ad-cb62-5c27-bba8-9dfc3849f792");
    public static final UUID DANCE = UUID.fromString("eb625072-432f-5f95-86ab-8f6cbff77c2e");
    public static final UUID PHYSICAL_ACTIVITY = UUID.fromString("aae47f1c-9101-50c1-acef-9a43fcbaf4f3");
    public static final UUID ARTS_AND_CRAFTS = UUID.fromString("a0972893-b715-565a-ad1a-8d15b95934eb");

    private static final Random RANDOM = new Random();

    private Directory() {
    }

    /** A word no other test uses and the English stemmer leaves alone. */
    public static String tag() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString().toLowerCase(Locale.ROOT);
    }

    /** A place where services are delivered. */
    public record Place(String postcode, double latitude, double longitude) {
    }

    public static final Place HEADINGLEY = new Place("LS6 3HN", 53.8185, -1.56626);
    public static final Place LEEDS_CENTRE = new Place("LS1 4DY", 53.7974, -1.55307);
    public static final Place BRADFORD = new Place("BD1 1HY", 53.7973, -1.75432);
    public static final Place YORK = new Place("YO1 7HH", 53.9581, -1.07163);

    /** What a test service looks like; defaults describe a free weekly walking group for adults in Headingley. */
    public static final class ServiceSpec {
        String name;
        String description = "A friendly group that meets every week.";
        String status = "active";
        Integer minimumAge = 18;
        Integer maximumAge;
        List<UUID> terms = new ArrayList<>(List.of(WALKING));
        List<Place> places = new ArrayList<>(List.of(HEADINGLEY));
        String byday = "TU";
        Integer placesPerSession = 12;
        int placesTaken = 4;
        OffsetDateTime lastModified = OffsetDateTime.now();

        public ServiceSpec(String name) {
            this.name = name;
        }

        public ServiceSpec description(String value) {
            description = value;
            return this;
        }

        public ServiceSpec status(String value) {
            status = value;
            return this;
        }

        public ServiceSpec ages(Integer minimum, Integer maximum) {
            minimumAge = minimum;
            maximumAge = maximum;
            return this;
        }

        public ServiceSpec terms(UUID... values) {
            terms = List.of(values);
            return this;
        }

        public ServiceSpec at(Place... values) {
            places = List.of(values);
            return this;
        }

        public ServiceSpec on(String value) {
            byday = value;
            return this;
        }

        public ServiceSpec modified(OffsetDateTime value) {
            lastModified = value;
            return this;
        }

        public ServiceSpec capacity(Integer perSession, int taken) {
            placesPerSession = perSession;
            placesTaken = taken;
            return this;
        }
    }

    /** A new term of the Linkwork taxonomy, for tests that need a term name of their own. */
    public static UUID term(String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = CDI.current().select(EntityManager.class).get();
            TaxonomyTerm term = new TaxonomyTerm();
            term.id = UUID.randomUUID();
            term.taxonomy = em.find(Taxonomy.class, TAXONOMY);
            term.code = term.id.toString();
            term.name = name;
            term.description = "A term made for one test";
            em.persist(term);
            return term.id;
        });
    }

    /** Stores the service with its organisation, location(s), schedule, cost, language and contact; returns its id. */
    public static UUID add(ServiceSpec spec) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = CDI.current().select(EntityManager.class).get();
            Organization organization = new Organization();
            organization.id = UUID.randomUUID();
            organization.name = spec.name + " Trust";
            organization.description = "Runs " + spec.name;
            organization.email = "hello@example.org";
            em.persist(organization);

            Service service = new Service();
            service.id = UUID.randomUUID();
            service.organization = organization;
            service.name = spec.name;
            service.description = spec.description;
            service.url = "https://example.org/activities";
            service.email = "activities@example.org";
            service.status = spec.status;
            service.minimumAge = spec.minimumAge;
            service.maximumAge = spec.maximumAge;
            service.placesPerSession = spec.placesPerSession;
            service.placesTaken = spec.placesTaken;
            service.selfReferral = true;
            service.referralInstructions = "Refer through Linkwork or just come along.";
            service.lastModified = spec.lastModified;
            for (Place place : spec.places) {
                Location location = new Location();
                location.id = UUID.randomUUID();
                location.organizationId = organization.id;
                location.name = spec.name + " venue";
                location.address1 = "1 Community Street";
                location.city = "Leeds";
                location.stateProvince = "West Yorkshire";
                location.postalCode = place.postcode();
                location.latitude = place.latitude();
                location.longitude = place.longitude();
                Accessibility access = new Accessibility();
                access.id = UUID.randomUUID();
                access.location = location;
                access.description = "Step-free access and an accessible toilet";
                location.accessibility.add(access);
                em.persist(location);
                ServiceAtLocation at = new ServiceAtLocation();
                at.id = UUID.randomUUID();
                at.service = service;
                at.location = location;
                service.serviceAtLocations.add(at);
            }
            Schedule schedule = new Schedule();
            schedule.id = UUID.randomUUID();
            schedule.service = service;
            schedule.byday = spec.byday;
            schedule.opensAt = LocalTime.of(10, 0);
            schedule.closesAt = LocalTime.of(11, 30);
            schedule.description = "Weekly session";
            service.schedules.add(schedule);
            for (UUID termId : spec.terms) {
                Attribute attribute = new Attribute();
                attribute.id = UUID.randomUUID();
                attribute.service = service;
                attribute.term = em.find(TaxonomyTerm.class, termId);
                service.attributes.add(attribute);
            }
            CostOption cost = new CostOption();
            cost.id = UUID.randomUUID();
            cost.service = service;
            cost.option = "Per session";
            cost.currency = "GBP";
            cost.amount = new BigDecimal("2.50");
            service.costOptions.add(cost);
            Language language = new Language();
            language.id = UUID.randomUUID();
            language.service = service;
            language.name = "English";
            language.code = "en";
            service.languages.add(language);
            Contact contact = new Contact();
            contact.id = UUID.randomUUID();
            contact.service = service;
            contact.name = "Sam Organiser";
            contact.email = "sam@example.org";
            contact.phone = "0113 496 0000";
            service.contacts.add(contact);
            em.persist(service);
            return service.id;
        });
    }
}
