package org.linkwork.referral.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.platform.events.EventHandlers;
import org.linkwork.platform.inbox.Inbox;
import org.linkwork.referral.gprecord.GpRecordService;
import org.linkwork.referral.referral.ReferralService;
import org.linkwork.referral.referral.ReferralStatus;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * Mirrors case progress from caseload-service onto the referral, so the referring GP sees it, and records each
 * social prescription for the GP record. The
 * consumed contract is in the AsyncAPI document and in the records below, checked against
 * caseload-service's schemas by {@code CaseloadEventContractsTest}.
 */
@ApplicationScoped
public class CaseloadEventsConsumer {

    /** The inbox's name for this effect: its rows say which events were applied, so it never changes. */
    private static final String MIRROR_CASE = "referral.mirror-case";
    private static final String GP_RECORD = "referral.gp-record";
    private static final String ACTOR = "caseload-service";

    private final Inbox inbox;
    private final EventHandlers handlers;

    CaseloadEventsConsumer(Inbox inbox, ReferralService referrals, GpRecordService gpRecord) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(CaseAssigned.TYPE, MIRROR_CASE, CaseAssigned.class, e -> referrals.mirrorCase(e.referralId(),
                        e.caseId().toString(), e.linkWorker(), ReferralStatus.ASSIGNED, ACTOR, "case assigned"))
                .on(CaseContactRecorded.TYPE, MIRROR_CASE, CaseContactRecorded.class, e -> {
                    if (e.attended()) {
                        referrals.mirrorCase(e.referralId(), e.caseId().toString(), null, ReferralStatus.IN_PROGRESS,
                                ACTOR, "first attended contact");
                    }
                })
                .on(CaseClosed.TYPE, MIRROR_CASE, CaseClosed.class, e -> referrals.mirrorCase(e.referralId(),
                        e.caseId().toString(), null, closureStatus(e.reason()), ACTOR, "case closed: " + e.reason()))
                .on(CaseActivityPrescribed.TYPE, GP_RECORD, CaseActivityPrescribed.class,
                        e -> gpRecord.prescribed(e.referralId(), e.prescriptionId(), e.at()))
                .build();
    }

    @Incoming("caseload-events")
    @Blocking
    public void consume(String data, IncomingCloudEventMetadata<String> metadata) {
        inbox.apply(CloudEvent.from(metadata, data), handlers);
    }

    /**
     * Case closure reasons the referral lifecycle has no status of its own for end as COMPLETED. A case closed
     * because its referral was cancelled leaves the referral CANCELLED (already so: the event changes nothing).
     */
    static ReferralStatus closureStatus(String reason) {
        return switch (reason) {
            case "PATIENT_DECLINED" -> ReferralStatus.PATIENT_DECLINED;
            case "UNABLE_TO_CONTACT" -> ReferralStatus.UNABLE_TO_CONTACT;
            case "REFERRAL_CANCELLED" -> ReferralStatus.CANCELLED;
            default -> ReferralStatus.COMPLETED;
        };
    }
}
