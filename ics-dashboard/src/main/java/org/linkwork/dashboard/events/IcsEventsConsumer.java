package org.linkwork.dashboard.events;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.linkwork.dashboard.journeys.JourneyService;
import org.linkwork.dashboard.journeys.JourneyService.Demographics;
import org.linkwork.dashboard.wellbeing.WellbeingService;
import org.linkwork.dashboard.workforce.WorkforceService;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.platform.events.EventHandlers;
import org.linkwork.platform.events.InvalidEventData;
import org.linkwork.platform.inbox.Inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * The ics-events the dashboard's figures need (schemas published by outcomes-service), each applied once through
 * the inbox. Both versions of referral-received are read: v2 adds who was referred, and referrals from before v2
 * have only v1. Types the figures do not use are passed over.
 */
@ApplicationScoped
public class IcsEventsConsumer {

    private static final Logger LOG = Logger.getLogger(IcsEventsConsumer.class);
    /** The inbox's name for this consumer's effects: kept, so that a replay does not apply old events again. */
    private static final String EFFECT = "dashboard.ics-events";

    public record ReferralReceived(@NotBlank String referral, String odsCode, String pcnCode, String ageBand,
            @NotNull OffsetDateTime receivedAt) {
        static final String TYPE = "org.linkwork.ics.referral-received.v1";
    }

    public record ReferralReceivedV2(@NotBlank String referral, String odsCode, String pcnCode, String ageBand,
            String sex, String ethnicGroup, @Min(1) @Max(10) Integer imdDecile, @NotNull OffsetDateTime receivedAt) {
        static final String TYPE = "org.linkwork.ics.referral-received.v2";
    }

    public record ReferralAccepted(@NotBlank String referral, String odsCode, String pcnCode,
            @NotNull OffsetDateTime receivedAt) {
        static final String TYPE = "org.linkwork.ics.referral-accepted.v1";
    }

    public record ReferralRejected(@NotBlank String referral, String odsCode, String pcnCode,
            OffsetDateTime receivedAt) {
        static final String TYPE = "org.linkwork.ics.referral-rejected.v1";
    }

    public record WaitingListed(@NotBlank String referral, String odsCode, String pcnCode) {
        static final String TYPE = "org.linkwork.ics.waiting-listed.v1";
    }

    public record CaseAssigned(@NotBlank String referral, String odsCode, String pcnCode,
            @NotNull OffsetDateTime assignedAt) {
        static final String TYPE = "org.linkwork.ics.case-assigned.v1";
    }

    public record ContactRecorded(@NotBlank String referral, String odsCode, String pcnCode,
            @NotNull OffsetDateTime contactAt, boolean attended) {
        static final String TYPE = "org.linkwork.ics.contact-recorded.v1";
    }

    public record CaseClosed(@NotBlank String referral, String odsCode, String pcnCode,
            @NotNull OffsetDateTime closedAt) {
        static final String TYPE = "org.linkwork.ics.case-closed.v1";
    }

    public record AssessmentRecorded(@NotBlank String referral, String odsCode, String pcnCode,
            @NotBlank String instrument, @NotBlank String timepoint, @NotNull OffsetDateTime completedAt,
            @NotEmpty List<@Valid Score> scores) {
        static final String TYPE = "org.linkwork.ics.assessment-recorded.v1";

        public record Score(@NotBlank String measure, @NotNull BigDecimal value) {
        }
    }

    public record WorkforceChanged(@NotBlank String linkWorker, @NotBlank String pcnCode, @NotNull BigDecimal fte,
            boolean active, @NotNull OffsetDateTime changedAt) {
        static final String TYPE = "org.linkwork.ics.workforce-changed.v1";
    }

    private final Inbox inbox;
    private final EventHandlers handlers;
    private final MeterRegistry registry;

    IcsEventsConsumer(Inbox inbox, JourneyService journeys, WellbeingService wellbeing, WorkforceService workforce,
            MeterRegistry registry) {
        this.inbox = inbox;
        this.registry = registry;
        this.handlers = EventHandlers.builder()
                .on(ReferralReceived.TYPE, EFFECT, ReferralReceived.class, e -> journeys.referralReceived(
                        e.referral(), e.odsCode(), e.pcnCode(), e.ageBand(), e.receivedAt(), null))
                .on(ReferralReceivedV2.TYPE, EFFECT, ReferralReceivedV2.class, e -> journeys.referralReceived(
                        e.referral(), e.odsCode(), e.pcnCode(), e.ageBand(), e.receivedAt(),
                        new Demographics(e.sex(), e.ethnicGroup(), e.imdDecile())))
                .on(ReferralAccepted.TYPE, EFFECT, ReferralAccepted.class, e -> journeys.referralDecided(
                        e.referral(), e.odsCode(), e.pcnCode(), e.receivedAt()))
                .on(ReferralRejected.TYPE, EFFECT, ReferralRejected.class, e -> journeys.referralDecided(
                        e.referral(), e.odsCode(), e.pcnCode(), e.receivedAt()))
                .on(WaitingListed.TYPE, EFFECT, WaitingListed.class, e -> journeys.casePlaced(
                        e.referral(), e.odsCode(), e.pcnCode()))
                .on(CaseAssigned.TYPE, EFFECT, CaseAssigned.class, e -> journeys.caseAssigned(
                        e.referral(), e.odsCode(), e.pcnCode(), e.assignedAt()))
                .on(ContactRecorded.TYPE, EFFECT, ContactRecorded.class, e -> journeys.contactRecorded(
                        e.referral(), e.odsCode(), e.pcnCode(), e.contactAt(), e.attended()))
                .on(CaseClosed.TYPE, EFFECT, CaseClosed.class, e -> journeys.caseClosed(
                        e.referral(), e.odsCode(), e.pcnCode(), e.closedAt()))
                .on(AssessmentRecorded.TYPE, EFFECT, AssessmentRecorded.class, e -> {
                    journeys.casePlaced(e.referral(), e.odsCode(), e.pcnCode());
                    wellbeing.assessmentRecorded(e.referral(), e.instrument(), e.timepoint(), e.completedAt(),
                            e.scores().stream().map(s -> new WellbeingService.Score(s.measure(), s.value())).toList());
                })
                .on(WorkforceChanged.TYPE, EFFECT, WorkforceChanged.class, e -> workforce.changed(
                        e.linkWorker(), e.pcnCode(), e.fte(), e.active(), e.changedAt()))
                .build();
    }

    @Incoming("ics-events")
    @Blocking
    public void consume(String data, IncomingCloudEventMetadata<String> metadata) {
        CloudEvent event = CloudEvent.from(metadata, data);
        try {
            inbox.apply(event, handlers);
        } catch (InvalidEventData e) {
            // No dead-letter topic to send it to (see application.properties): said and counted, then passed over.
            LOG.warnf("Passing over %s %s, which does not read as its schema: %s", event.type(), event.id(),
                    e.getMessage());
            registry.counter("linkwork.dashboard.unreadable.events", "type", event.type()).increment();
        }
    }
}
