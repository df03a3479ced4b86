package org.linkwork.outcomes.events;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.outcomes.caseowners.CaseOwnerService;
import org.linkwork.outcomes.journeys.JourneyService;
import org.linkwork.outcomes.workforce.WorkforceService;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.platform.events.EventHandlers;
import org.linkwork.platform.inbox.Inbox;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * The one consumer of {@code caseload-events} (schemas published by caseload-service): case ownership, the case
 * read model for reports and the matching {@code ics-events}, all in the inbox's transaction so a redelivered event
 * changes nothing and publishes nothing twice. Waiting-list moves and ended activities change no figure here.
 */
@ApplicationScoped
public class CaseloadEventsConsumer {

    /** The inbox's name for this consumer's effects: kept, so that a replay does not apply old events again. */
    private static final String EFFECT = "outcomes.caseload-events";

    /** A case assigned (or reassigned) to a link worker (caseload-service's schema). */
    public record CaseAssigned(@NotNull UUID caseId, @NotNull UUID referralId, @NotBlank String odsCode, String pcnCode,
            @NotBlank String linkWorker, @NotNull OffsetDateTime assignedAt) {
        static final String TYPE = "org.linkwork.case.assigned.v1";
    }

    /** A link-worker appointment held or not attended. */
    public record ContactRecorded(@NotNull UUID caseId, @NotNull UUID referralId, @NotNull UUID contactId,
            @NotNull OffsetDateTime contactAt, @NotBlank String mode, @NotNull Integer durationMinutes,
            @NotNull Boolean attended) {
        static final String TYPE = "org.linkwork.case.contact-recorded.v1";
    }

    /** A social prescription (activity) the patient accepted. */
    public record ActivityPrescribed(@NotNull UUID caseId, @NotNull UUID referralId, @NotNull UUID prescriptionId,
            @NotNull OffsetDateTime at) {
        static final String TYPE = "org.linkwork.case.activity-prescribed.v1";
    }

    /**
     * {@link ActivityPrescribed} with the kinds of activity: the directory's taxonomy term codes of the service (empty
     * when the directory knew none), published right after v1 for the same prescription. Prescriptions from before
     * caseload-service published v2 have none, so v1 is read too.
     */
    public record ActivityPrescribedV2(@NotNull UUID caseId, @NotNull UUID referralId, @NotNull UUID prescriptionId,
            @NotNull OffsetDateTime at,
            @NotNull @Size(max = 20) List<@NotNull @Size(max = 100) @Pattern(regexp = TERM) String> taxonomyTerms) {
        static final String TYPE = "org.linkwork.case.activity-prescribed.v2";
        /** A term code as caseload-service's schema has it: lower-case letters and digits, words joined by hyphens. */
        static final String TERM = "[a-z0-9]+(-[a-z0-9]+)*";
    }

    /** A case closed with caseload-service's coded reason. */
    public record CaseClosed(@NotNull UUID caseId, @NotNull UUID referralId, @NotBlank String odsCode, String pcnCode,
            @NotBlank String reason, @NotNull OffsetDateTime closedAt) {
        static final String TYPE = "org.linkwork.case.closed.v1";
    }

    /** A case opened with no link worker free to take it. */
    public record WaitingListed(@NotNull UUID caseId, @NotNull UUID referralId, @NotBlank String odsCode,
            String pcnCode, @NotNull OffsetDateTime openedAt) {
        static final String TYPE = "org.linkwork.case.waiting-listed.v1";
    }

    /** The person agreed their personalised care and support plan; the code is caseload's, so not read here. */
    public record PlanAgreed(@NotNull UUID caseId, @NotNull UUID referralId, @NotBlank String odsCode, String pcnCode,
            @NotNull OffsetDateTime agreedAt) {
        static final String TYPE = "org.linkwork.case.plan-agreed.v1";
    }

    /** A social prescription ended, with caseload-service's coded status. */
    public record ActivityEnded(@NotNull UUID caseId, @NotNull UUID referralId, @NotNull UUID prescriptionId,
            @NotBlank String status, @NotNull OffsetDateTime at) {
        static final String TYPE = "org.linkwork.case.activity-ended.v1";
    }

    /** A link worker added or changed: the workforce per PCN. */
    public record LinkWorkerChanged(@NotNull UUID linkWorkerId, @NotBlank String pcnCode, @NotNull BigDecimal fte,
            @NotNull Boolean active, @NotNull OffsetDateTime changedAt) {
        static final String TYPE = "org.linkwork.link-worker.changed.v1";
    }

    private final Inbox inbox;
    private final EventHandlers handlers;

    CaseloadEventsConsumer(Inbox inbox, CaseOwnerService owners, JourneyService journeys, WorkforceService workforce) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(CaseAssigned.TYPE, EFFECT, CaseAssigned.class, e -> {
                    // An assignment older than the one known changes nothing.
                    if (owners.assign(e.caseId(), e.referralId(), e.linkWorker(), e.pcnCode(), e.assignedAt())) {
                        journeys.caseAssigned(e.caseId(), e.referralId(), e.odsCode(), e.pcnCode(), e.assignedAt());
                    }
                })
                .on(ContactRecorded.TYPE, EFFECT, ContactRecorded.class, e -> journeys.contactRecorded(e.caseId(),
                        e.referralId(), e.contactId(), e.contactAt(), e.mode(), e.durationMinutes(), e.attended()))
                .on(ActivityPrescribed.TYPE, EFFECT, ActivityPrescribed.class, e -> journeys.activityPrescribed(
                        e.caseId(), e.referralId(), e.prescriptionId(), e.at()))
                .on(ActivityPrescribedV2.TYPE, EFFECT, ActivityPrescribedV2.class, e -> journeys.activityPrescribedWithTerms(
                        e.caseId(), e.referralId(), e.prescriptionId(), e.at(), e.taxonomyTerms()))
                .on(CaseClosed.TYPE, EFFECT, CaseClosed.class, e -> journeys.caseClosed(e.caseId(), e.referralId(),
                        e.odsCode(), e.pcnCode(), e.reason(), e.closedAt()))
                .on(WaitingListed.TYPE, EFFECT, WaitingListed.class, e -> journeys.waitingListed(e.caseId(),
                        e.referralId(), e.odsCode(), e.pcnCode(), e.openedAt()))
                .on(PlanAgreed.TYPE, EFFECT, PlanAgreed.class, e -> journeys.planAgreed(e.caseId(), e.referralId(),
                        e.odsCode(), e.pcnCode(), e.agreedAt()))
                .on(ActivityEnded.TYPE, EFFECT, ActivityEnded.class, e -> journeys.activityEnded(e.caseId(),
                        e.referralId(), e.status(), e.at()))
                .on(LinkWorkerChanged.TYPE, EFFECT, LinkWorkerChanged.class, e -> workforce.changed(e.linkWorkerId(),
                        e.pcnCode(), e.fte(), e.active(), e.changedAt()))
                .build();
    }

    @Incoming("caseload-events")
    @Blocking
    public void consume(String data, IncomingCloudEventMetadata<String> metadata) {
        inbox.apply(CloudEvent.from(metadata, data), handlers);
    }
}
