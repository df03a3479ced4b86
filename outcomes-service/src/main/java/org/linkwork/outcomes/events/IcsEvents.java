package org.linkwork.outcomes.events;

import java.math.BigDecimal;
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
import org.linkwork.outcomes.workforce.WorkforceChanged;
import org.linkwork.platform.outbox.Outbox;
import org.linkwork.platform.pseudonym.Pseudonymiser;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The pseudonymised stream for ICS dashboards on {@code ics-events}: each journey step and assessment, observed and
 * written through the outbox in the transaction of the change it reports, keyed by the referral pseudonym. Every
 * event names the patient only by keyed pseudonyms, with age band, postcode district, practice ODS and PCN (the
 * {@link Journey}); the values copied from other events are codes and times only, never names, contact details,
 * free text or internal ids. The workforce (a link worker's PCN, FTE and availability) is keyed by the worker's
 * pseudonym instead. JSON Schemas in {@code META-INF/resources/asyncapi/schemas/}.
 */
@ApplicationScoped
public class IcsEvents {

    public static final String TOPIC = "ics-events";
    public static final String REFERRAL_RECEIVED = "org.linkwork.ics.referral-received.v1";
    public static final String REFERRAL_RECEIVED_V2 = "org.linkwork.ics.referral-received.v2";
    public static final String REFERRAL_ACCEPTED = "org.linkwork.ics.referral-accepted.v1";
    public static final String REFERRAL_REJECTED = "org.linkwork.ics.referral-rejected.v1";
    public static final String REFERRAL_CANCELLED = "org.linkwork.ics.referral-cancelled.v1";
    public static final String CASE_ASSIGNED = "org.linkwork.ics.case-assigned.v1";
    public static final String CONTACT_RECORDED = "org.linkwork.ics.contact-recorded.v1";
    public static final String CASE_CLOSED = "org.linkwork.ics.case-closed.v1";
    public static final String ASSESSMENT_RECORDED = "org.linkwork.ics.assessment-recorded.v1";
    public static final String WAITING_LISTED = "org.linkwork.ics.waiting-listed.v1";
    public static final String PLAN_AGREED = "org.linkwork.ics.plan-agreed.v1";
    public static final String ACTIVITY_PRESCRIBED = "org.linkwork.ics.activity-prescribed.v1";
    public static final String ACTIVITY_PRESCRIBED_V2 = "org.linkwork.ics.activity-prescribed.v2";
    public static final String ACTIVITY_ENDED = "org.linkwork.ics.activity-ended.v1";
    public static final String GP_ATTENDANCE_RECORDED = "org.linkwork.ics.gp-attendance-recorded.v1";
    public static final String WORKFORCE_CHANGED = "org.linkwork.ics.workforce-changed.v1";

    private static final Map<Class<? extends JourneyStep>, String> TYPES = Map.ofEntries(
            Map.entry(JourneyStep.ReferralReceived.class, REFERRAL_RECEIVED),
            Map.entry(JourneyStep.ReferralReceivedV2.class, REFERRAL_RECEIVED_V2),
            Map.entry(JourneyStep.ReferralAccepted.class, REFERRAL_ACCEPTED),
            Map.entry(JourneyStep.ReferralRejected.class, REFERRAL_REJECTED),
            Map.entry(JourneyStep.ReferralCancelled.class, REFERRAL_CANCELLED),
            Map.entry(JourneyStep.CaseAssigned.class, CASE_ASSIGNED),
            Map.entry(JourneyStep.ContactRecorded.class, CONTACT_RECORDED),
            Map.entry(JourneyStep.CaseClosed.class, CASE_CLOSED),
            Map.entry(AssessmentTaken.class, ASSESSMENT_RECORDED),
            Map.entry(JourneyStep.CaseWaitingListed.class, WAITING_LISTED),
            Map.entry(JourneyStep.PlanAgreed.class, PLAN_AGREED),
            Map.entry(JourneyStep.ActivityPrescribed.class, ACTIVITY_PRESCRIBED),
            Map.entry(JourneyStep.ActivityPrescribedV2.class, ACTIVITY_PRESCRIBED_V2),
            Map.entry(JourneyStep.ActivityEnded.class, ACTIVITY_ENDED),
            Map.entry(JourneyStep.GpAttendanceRecorded.class, GP_ATTENDANCE_RECORDED));

    private final Outbox outbox;
    private final JourneyService journeys;
    private final Pseudonymiser pseudonymiser;

    IcsEvents(Outbox outbox, JourneyService journeys, Pseudonymiser pseudonymiser) {
        this.outbox = outbox;
        this.journeys = journeys;
        this.pseudonymiser = pseudonymiser;
    }

    /** The workforce, with the link worker named only by a keyed pseudonym (also the record key). */
    record WorkforceTaken(String linkWorker, String pcnCode, BigDecimal fte, boolean active,
            OffsetDateTime changedAt) {
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

    void on(@Observes WorkforceChanged changed) {
        String linkWorker = pseudonymiser.pseudonymise(changed.linkWorkerId().toString());
        outbox.publish(TOPIC, WORKFORCE_CHANGED, linkWorker, new WorkforceTaken(linkWorker, changed.pcnCode(),
                changed.fte(), changed.active(), JourneyStep.utc(changed.changedAt())));
    }
}
