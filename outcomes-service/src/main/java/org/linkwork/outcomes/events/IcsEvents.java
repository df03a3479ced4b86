package org.linkwork.outcomes.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.linkwork.outcomes.assessments.AssessmentRecorded;
import org.linkwork.outcomes.assessments.Timepoint;
import org.linkwork.outcomes.instruments.Instrument;
import org.linkwork.outcomes.instruments.Score;
import org.linkwork.outcomes.journeys.Journey;
import org.linkwork.outcomes.journeys.JourneyService;
import org.linkwork.outcomes.journeys.JourneyStep;
import org.linkwork.platform.outbox.Outbox;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The pseudonymised stream for ICS dashboards on {@code ics-events}: each journey step and assessment, observed and
 * written through the outbox in the transaction of the change it reports, keyed by the referral pseudonym. Every
 * event names the patient only by keyed pseudonyms, with age band, postcode district, practice ODS and PCN (the
 * {@link Journey}); the values copied from other events are codes and times only, never names, contact details,
 * free text or internal ids. JSON Schemas in {@code META-INF/resources/asyncapi/schemas/}.
 */
@ApplicationScoped
public class IcsEvents {

    public static final String TOPIC = "ics-events";
    public static final String REFERRAL_RECEIVED = "org.linkwork.ics.referral-received.v1";
    public static final String REFERRAL_ACCEPTED = "org.linkwork.ics.referral-accepted.v1";
    public static final String REFERRAL_REJECTED = "org.linkwork.ics.referral-rejected.v1";
    public static final String REFERRAL_CANCELLED = "org.linkwork.ics.referral-cancelled.v1";
    public static final String CASE_ASSIGNED = "org.linkwork.ics.case-assigned.v1";
    public static final String CONTACT_RECORDED = "org.linkwork.ics.contact-recorded.v1";
    public static final String CASE_CLOSED = "org.linkwork.ics.case-closed.v1";
    public static final String ASSESSMENT_RECORDED = "org.linkwork.ics.assessment-recorded.v1";

    private static final Map<Class<? extends JourneyStep>, String> TYPES = Map.of(
            JourneyStep.ReferralReceived.class, REFERRAL_RECEIVED,
            JourneyStep.ReferralAccepted.class, REFERRAL_ACCEPTED,
            JourneyStep.ReferralRejected.class, REFERRAL_REJECTED,
            JourneyStep.ReferralCancelled.class, REFERRAL_CANCELLED,
            JourneyStep.CaseAssigned.class, CASE_ASSIGNED,
            JourneyStep.ContactRecorded.class, CONTACT_RECORDED,
            JourneyStep.CaseClosed.class, CASE_CLOSED,
            AssessmentTaken.class, ASSESSMENT_RECORDED);

    private final Outbox outbox;
    private final JourneyService journeys;

    IcsEvents(Outbox outbox, JourneyService journeys) {
        this.outbox = outbox;
        this.journeys = journeys;
    }

    /** The twin of {@code outcome-events}' assessment-recorded: instrument, timepoint and scores, no answers. */
    record AssessmentTaken(@JsonUnwrapped Journey journey, Instrument instrument, Timepoint timepoint,
            OffsetDateTime completedAt, List<Score> scores) implements JourneyStep {
    }

    void on(@Observes JourneyStep step) {
        outbox.publish(TOPIC, TYPES.get(step.getClass()), step.journey().referral(), step);
    }

    void on(@Observes AssessmentRecorded recorded) {
        on(new AssessmentTaken(journeys.ofCase(recorded.caseId()), recorded.instrument(), recorded.timepoint(),
                JourneyStep.utc(recorded.completedAt()), recorded.scores()));
    }
}
