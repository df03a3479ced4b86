package org.linkwork.outcomes.ics;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.linkwork.outcomes.readmodel.CaseRecord;
import org.linkwork.outcomes.readmodel.PracticePcn;
import org.linkwork.outcomes.readmodel.ReferralRecord;
import org.linkwork.platform.outbox.Outbox;
import org.linkwork.platform.pseudonym.Pseudonymiser;

import io.quarkus.runtime.Startup;

/**
 * The pseudonymised stream for ICS dashboards on {@code ics-events}, written through the outbox in the transaction
 * of the change it reports. Every event names the patient only by keyed pseudonyms ({@code patient}: of the NHS
 * number, {@code referral}: of the referral id, also the record key), with age band, postcode district, practice
 * ODS and PCN; the values copied from other events are codes and times only, never names, contact details, free
 * text or internal ids. JSON Schemas in {@code META-INF/resources/asyncapi/schemas/}.
 *
 * <p>Created at startup so that a missing or too short {@code linkwork.pseudonym.secret} stops the service at once
 * instead of sending every incoming event to the dead-letter topic.
 */
@Startup
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

    private final Outbox outbox;
    private final Pseudonymiser pseudonymiser;
    private final EntityManager entityManager;

    IcsEvents(Outbox outbox, Pseudonymiser pseudonymiser, EntityManager entityManager) {
        this.outbox = outbox;
        this.pseudonymiser = pseudonymiser;
        this.entityManager = entityManager;
    }

    /** The keyed pseudonym that stands for an NHS number on this stream and in the read model. */
    public String pseudonym(String nhsNumber) {
        return pseudonymiser.pseudonymise(nhsNumber);
    }

    public void referralReceived(ReferralRecord referral, List<String> reasons, String urgency) {
        Map<String, Object> data = about(referral.referralId, referral, null, null);
        data.put("reasons", reasons);
        data.put("urgency", urgency);
        data.put("receivedAt", utc(referral.receivedAt));
        publish(REFERRAL_RECEIVED, data);
    }

    public void referralAccepted(ReferralRecord referral) {
        Map<String, Object> data = about(referral.referralId, referral, null, null);
        data.put("receivedAt", utc(referral.receivedAt));
        data.put("acceptedAt", utc(referral.acceptedAt));
        publish(REFERRAL_ACCEPTED, data);
    }

    /** The coded reason only: the coordinator's note never reaches this service. */
    public void referralRejected(ReferralRecord referral) {
        Map<String, Object> data = about(referral.referralId, referral, null, null);
        data.put("receivedAt", utc(referral.receivedAt));
        data.put("rejectedAt", utc(referral.rejectedAt));
        data.put("reason", referral.rejectionReason);
        publish(REFERRAL_REJECTED, data);
    }

    /** @param reason a coded cancellation reason, or null: free text must never reach this stream */
    public void referralCancelled(ReferralRecord referral, String previousStatus, String reason,
            OffsetDateTime cancelledAt) {
        Map<String, Object> data = about(referral.referralId, referral, null, null);
        data.put("receivedAt", utc(referral.receivedAt));
        data.put("previousStatus", previousStatus);
        data.put("reason", reason);
        data.put("cancelledAt", utc(cancelledAt));
        publish(REFERRAL_CANCELLED, data);
    }

    public void caseAssigned(CaseRecord kase, OffsetDateTime assignedAt, boolean reassignment) {
        Map<String, Object> data = about(kase);
        data.put("assignedAt", utc(assignedAt));
        data.put("reassignment", reassignment);
        publish(CASE_ASSIGNED, data);
    }

    public void contactRecorded(CaseRecord kase, OffsetDateTime contactAt, String mode, int durationMinutes,
            boolean attended) {
        Map<String, Object> data = about(kase);
        data.put("contactAt", utc(contactAt));
        data.put("mode", mode);
        data.put("durationMinutes", durationMinutes);
        data.put("attended", attended);
        publish(CONTACT_RECORDED, data);
    }

    public void caseClosed(CaseRecord kase) {
        Map<String, Object> data = about(kase);
        data.put("reason", kase.closeReason);
        data.put("closedAt", utc(kase.closedAt));
        publish(CASE_CLOSED, data);
    }

    /** One measure of an assessment, e.g. SWEMWBS {@code metric} 23.21, or ONS4 {@code anxiety} 3 LOW. */
    public record Measure(String measure, Number value, String band) {
    }

    public void assessmentRecorded(UUID referralId, String odsCode, String pcnCode, String instrument,
            String timepoint, OffsetDateTime completedAt, List<Measure> scores) {
        Map<String, Object> data = about(referralId, entityManager.find(ReferralRecord.class, referralId), odsCode,
                pcnCode);
        data.put("instrument", instrument);
        data.put("timepoint", timepoint);
        data.put("completedAt", utc(completedAt));
        data.put("scores", scores);
        publish(ASSESSMENT_RECORDED, data);
    }

    private Map<String, Object> about(CaseRecord kase) {
        return about(kase.referralId, entityManager.find(ReferralRecord.class, kase.referralId), kase.odsCode,
                kase.pcnCode);
    }

    /**
     * The patient's pseudonyms and coarse attributes. A referral this service has not (yet) received leaves
     * {@code patient}, age band and district null; {@code referral} is always there.
     */
    private Map<String, Object> about(UUID referralId, ReferralRecord referral, String odsCode, String pcnCode) {
        String ods = odsCode != null ? odsCode : referral == null ? null : referral.odsCode;
        String pcn = pcnCode;
        if (pcn == null && ods != null) {
            PracticePcn practice = entityManager.find(PracticePcn.class, ods);
            pcn = practice == null ? null : practice.pcnCode;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("patient", referral == null ? null : referral.patientPseudonym);
        data.put("referral", pseudonymiser.pseudonymise(referralId.toString()));
        data.put("odsCode", ods);
        data.put("pcnCode", pcn);
        data.put("ageBand", referral == null ? null : referral.ageBand);
        data.put("postcodeDistrict", referral == null ? null : referral.postcodeDistrict);
        return data;
    }

    private void publish(String type, Map<String, Object> data) {
        outbox.publish(TOPIC, type, (String) data.get("referral"), data);
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
