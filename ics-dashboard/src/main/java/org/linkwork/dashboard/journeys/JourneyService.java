package org.linkwork.dashboard.journeys;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Folds each ics-events record of a referral into its journey. Every step is safe in any order and on a replay:
 * a time is kept when first told (or the earliest, for first contact and first assignment), and a value is never
 * cleared by an event that does not carry it.
 */
@ApplicationScoped
public class JourneyService {

    /** Who was referred, as referral-received.v2 codes it; absent from v1. */
    public record Demographics(String sex, String ethnicGroup, Integer imdDecile) {
    }

    private final JourneyRepository journeys;
    private final PracticePcnRepository practices;

    JourneyService(JourneyRepository journeys, PracticePcnRepository practices) {
        this.journeys = journeys;
        this.practices = practices;
    }

    /** Whether no event of any referral has been applied yet (a new or emptied database). */
    public boolean nothingHeld() {
        return journeys.count() == 0;
    }

    public void referralReceived(String referral, String odsCode, String pcnCode, String ageBand,
            OffsetDateTime receivedAt, Demographics demographics) {
        Journey journey = journey(referral, odsCode, pcnCode);
        journey.ageBand = journey.ageBand != null ? journey.ageBand : ageBand;
        received(journey, receivedAt);
        if (demographics != null) {
            journey.sex = demographics.sex();
            journey.ethnicGroup = demographics.ethnicGroup();
            journey.imdDecile = demographics.imdDecile();
        }
    }

    /**
     * Accepted or rejected: both tell when the referral was received (a rejection not always), in case its own
     * event is not read.
     */
    public void referralDecided(String referral, String odsCode, String pcnCode, OffsetDateTime receivedAt) {
        received(journey(referral, odsCode, pcnCode), receivedAt);
    }

    /** Waiting-listed, or any other step of the case that names its practice and PCN. */
    public void casePlaced(String referral, String odsCode, String pcnCode) {
        placeCase(journey(referral, odsCode, pcnCode), pcnCode);
    }

    public void caseAssigned(String referral, String odsCode, String pcnCode, OffsetDateTime assignedAt) {
        Journey journey = journey(referral, odsCode, pcnCode);
        placeCase(journey, pcnCode);
        journey.firstAssignedAt = earliest(journey.firstAssignedAt, assignedAt);
    }

    public void contactRecorded(String referral, String odsCode, String pcnCode, OffsetDateTime contactAt,
            boolean attended) {
        Journey journey = journey(referral, odsCode, pcnCode);
        placeCase(journey, pcnCode);
        if (attended) {
            journey.firstAttendedContactAt = earliest(journey.firstAttendedContactAt, contactAt);
        }
    }

    public void caseClosed(String referral, String odsCode, String pcnCode, OffsetDateTime closedAt) {
        Journey journey = journey(referral, odsCode, pcnCode);
        placeCase(journey, pcnCode);
        journey.closedAt = closedAt;
    }

    private Journey journey(String referral, String odsCode, String pcnCode) {
        Journey journey = journeys.findByIdOptional(referral).orElseGet(() -> {
            Journey created = new Journey();
            created.referral = referral;
            journeys.persist(created);
            return created;
        });
        if (journey.odsCode == null) {
            journey.odsCode = odsCode;
        }
        if (odsCode != null && pcnCode != null) {
            PracticePcn practice = practices.findByIdOptional(odsCode).orElseGet(PracticePcn::new);
            practice.odsCode = odsCode;
            practice.pcnCode = pcnCode;
            practices.persist(practice);
        }
        return journey;
    }

    private static void received(Journey journey, OffsetDateTime receivedAt) {
        if (journey.receivedAt == null && receivedAt != null) {
            journey.receivedAt = receivedAt;
        }
    }

    private static void placeCase(Journey journey, String pcnCode) {
        if (pcnCode != null) {
            journey.casePcnCode = pcnCode;
        }
    }

    private static OffsetDateTime earliest(OffsetDateTime held, OffsetDateTime told) {
        return held == null || told.isBefore(held) ? told : held;
    }
}
