package org.linkwork.outcomes.journeys;

import static org.linkwork.outcomes.journeys.JourneyStep.utc;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.linkwork.outcomes.caseowners.CaseOwner;
import org.linkwork.outcomes.caseowners.CaseOwnerRepository;
import org.linkwork.platform.pseudonym.Pseudonymiser;

import io.quarkus.runtime.Startup;

/**
 * The read model of referrals, cases, contacts and prescriptions that the reports are worked out from, kept from
 * referral-service's and caseload-service's events. The patient's NHS number, date of birth and postcode are reduced
 * to pseudonym, age band and district on arrival and never stored. Each change fires its {@link JourneyStep}.
 *
 * <p>Created at startup so that a missing or too short {@code linkwork.pseudonym.secret} stops the service at once
 * instead of sending every incoming event to the dead-letter topic.
 */
@Startup
@ApplicationScoped
@Transactional
public class JourneyService {

    /**
     * referral-service's cancellation codes (its published schema). Cancellations from before reasons were coded
     * carry free text, which could name the patient: anything else is passed on as no reason.
     */
    static final Set<String> CANCELLATION_REASONS = Set.of("PATIENT_WITHDREW_CONSENT", "REFERRED_IN_ERROR", "DUPLICATE",
            "NEEDS_CLINICAL_SERVICE", "MOVED_AWAY", "REFERRED_ELSEWHERE", "DIED");
    /** Age is taken on the day the referral arrived, in the NHS's time zone. */
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final ReferralRecordRepository referrals;
    private final CaseRecordRepository cases;
    private final ContactRecordRepository contacts;
    private final PrescriptionRecordRepository prescriptions;
    private final PracticePcnRepository practices;
    private final CaseOwnerRepository owners;
    private final Pseudonymiser pseudonymiser;
    private final Deprivation deprivation;
    private final Event<JourneyStep> steps;

    JourneyService(ReferralRecordRepository referrals, CaseRecordRepository cases, ContactRecordRepository contacts,
            PrescriptionRecordRepository prescriptions, PracticePcnRepository practices, CaseOwnerRepository owners,
            Pseudonymiser pseudonymiser, Deprivation deprivation, Event<JourneyStep> steps) {
        this.referrals = referrals;
        this.cases = cases;
        this.contacts = contacts;
        this.prescriptions = prescriptions;
        this.practices = practices;
        this.owners = owners;
        this.pseudonymiser = pseudonymiser;
        this.deprivation = deprivation;
        this.steps = steps;
    }

    public void referralReceived(UUID referralId, String odsCode, OffsetDateTime receivedAt, Patient patient,
            List<String> reasons, String urgency) {
        ReferralRecord referral = referral(referralId, odsCode);
        referral.receivedAt = receivedAt;
        patient(referral, patient);
        Journey journey = journey(referralId, null, null);
        steps.fire(new JourneyStep.ReferralReceived(journey, reasons, urgency, utc(receivedAt)));
        steps.fire(new JourneyStep.ReferralReceivedV2(journey, new JourneyStep.Demographics(referral.sex,
                referral.ethnicGroup, referral.imdDecile), reasons, urgency, utc(receivedAt)));
    }

    public void referralAccepted(UUID referralId, String odsCode, OffsetDateTime receivedAt, OffsetDateTime acceptedAt,
            Patient patient) {
        ReferralRecord referral = referral(referralId, odsCode);
        referral.acceptedAt = acceptedAt;
        if (referral.receivedAt == null) {
            referral.receivedAt = receivedAt;
        }
        if (referral.patientPseudonym == null) {
            patient(referral, patient);
        }
        steps.fire(new JourneyStep.ReferralAccepted(journey(referralId, null, null), utc(referral.receivedAt),
                utc(acceptedAt)));
    }

    /** The event names no patient and no receipt time: without the received event those stay unknown. */
    public void referralRejected(UUID referralId, String odsCode, String reason, OffsetDateTime rejectedAt) {
        ReferralRecord referral = referral(referralId, odsCode);
        referral.rejectedAt = rejectedAt;
        referral.rejectionReason = reason;
        steps.fire(new JourneyStep.ReferralRejected(journey(referralId, null, null), utc(referral.receivedAt),
                utc(rejectedAt), reason));
    }

    /** Changes no figure: a cancelled referral's case closure is counted from its {@code case.closed}. */
    public void referralCancelled(UUID referralId, String odsCode, String previousStatus, String reason,
            OffsetDateTime cancelledAt) {
        ReferralRecord referral = referral(referralId, odsCode);
        steps.fire(new JourneyStep.ReferralCancelled(journey(referralId, null, null), utc(referral.receivedAt),
                previousStatus, CANCELLATION_REASONS.contains(reason) ? reason : null, utc(cancelledAt)));
    }

    public void caseAssigned(UUID caseId, UUID referralId, String odsCode, String pcnCode, OffsetDateTime assignedAt) {
        CaseRecord kase = caseRecord(caseId, referralId);
        boolean reassignment = kase.firstAssignedAt != null;
        if (!reassignment || assignedAt.isBefore(kase.firstAssignedAt)) {
            kase.firstAssignedAt = assignedAt;
        }
        place(kase, odsCode, pcnCode);
        steps.fire(new JourneyStep.CaseAssigned(journey(kase), utc(assignedAt), reassignment));
    }

    public void contactRecorded(UUID caseId, UUID referralId, UUID contactId, OffsetDateTime contactAt, String mode,
            int durationMinutes, boolean attended) {
        CaseRecord kase = caseRecord(caseId, referralId);
        if (contacts.findByIdOptional(contactId).isPresent()) {
            return;
        }
        ContactRecord contact = new ContactRecord();
        contact.contactId = contactId;
        contact.kase = kase;
        contact.contactAt = contactAt;
        contact.attended = attended;
        contacts.persist(contact);
        steps.fire(new JourneyStep.ContactRecorded(journey(kase), utc(contactAt), mode, durationMinutes, attended));
    }

    /** Records the prescription once; its terms are left to {@link #activityPrescribedWithTerms}. */
    public void activityPrescribed(UUID caseId, UUID referralId, UUID prescriptionId, OffsetDateTime at) {
        CaseRecord kase = caseRecord(caseId, referralId);
        if (prescriptions.findByIdOptional(prescriptionId).isPresent()) {
            return;
        }
        prescribe(kase, prescriptionId, at);
    }

    /**
     * The prescription's kinds of activity, once: caseload-service's v2, normally right after the v1 of the same
     * prescription. Arriving first, it records the prescription as v1 would have, firing its step too so that readers
     * of the v1 step miss no prescription, and the v1 arriving later changes nothing. Terms once known stay.
     */
    public void activityPrescribedWithTerms(UUID caseId, UUID referralId, UUID prescriptionId, OffsetDateTime at,
            List<String> taxonomyTerms) {
        CaseRecord kase = caseRecord(caseId, referralId);
        PrescriptionRecord prescription = prescriptions.findByIdOptional(prescriptionId)
                .orElseGet(() -> prescribe(kase, prescriptionId, at));
        if (prescription.taxonomyTerms != null) {
            return;
        }
        // The schema promises each code once; a repeated one would count twice in the report.
        prescription.taxonomyTerms = taxonomyTerms.stream().distinct().toList();
        steps.fire(new JourneyStep.ActivityPrescribedV2(journey(kase), utc(prescription.prescribedAt),
                prescription.taxonomyTerms));
    }

    private PrescriptionRecord prescribe(CaseRecord kase, UUID prescriptionId, OffsetDateTime at) {
        PrescriptionRecord prescription = new PrescriptionRecord();
        prescription.prescriptionId = prescriptionId;
        prescription.kase = kase;
        prescription.prescribedAt = at;
        prescriptions.persist(prescription);
        steps.fire(new JourneyStep.ActivityPrescribed(journey(kase), utc(at)));
        return prescription;
    }

    /** Caseload announces an agreement once per case; a redelivered or later one changes nothing. */
    public void planAgreed(UUID caseId, UUID referralId, String odsCode, String pcnCode, OffsetDateTime agreedAt) {
        CaseRecord kase = caseRecord(caseId, referralId);
        if (kase.planAgreedAt != null) {
            return;
        }
        place(kase, odsCode, pcnCode);
        kase.planAgreedAt = agreedAt;
        steps.fire(new JourneyStep.PlanAgreed(journey(kase), utc(agreedAt)));
    }

    public void activityEnded(UUID caseId, UUID referralId, String status, OffsetDateTime at) {
        steps.fire(new JourneyStep.ActivityEnded(journey(caseRecord(caseId, referralId)), status, utc(at)));
    }

    public void waitingListed(UUID caseId, UUID referralId, String odsCode, String pcnCode, OffsetDateTime openedAt) {
        CaseRecord kase = caseRecord(caseId, referralId);
        place(kase, odsCode, pcnCode);
        steps.fire(new JourneyStep.CaseWaitingListed(journey(kase), utc(openedAt)));
    }

    /** After the practice's counts were stored on the case. */
    public void gpAttendanceRecorded(CaseRecord kase) {
        steps.fire(new JourneyStep.GpAttendanceRecorded(journey(kase), kase.gpAppointmentsBefore,
                kase.gpAppointmentsAfter, utc(kase.gpAttendanceRecordedAt)));
    }

    public void caseClosed(UUID caseId, UUID referralId, String odsCode, String pcnCode, String reason,
            OffsetDateTime closedAt) {
        CaseRecord kase = caseRecord(caseId, referralId);
        kase.closedAt = closedAt;
        kase.closeReason = reason;
        place(kase, odsCode, pcnCode);
        steps.fire(new JourneyStep.CaseClosed(journey(kase), reason, utc(closedAt)));
    }

    /** The journey of a case this service knows the owner of; its PCN is the owner's until case events tell. */
    public Journey ofCase(UUID caseId) {
        CaseOwner owner = owners.findById(caseId);
        CaseRecord kase = cases.findById(caseId);
        return journey(owner.referralId, kase == null ? null : kase.odsCode,
                kase == null || kase.pcnCode == null ? owner.pcnCode : kase.pcnCode);
    }

    private ReferralRecord referral(UUID referralId, String odsCode) {
        ReferralRecord referral = referrals.findByIdOptional(referralId).orElseGet(() -> {
            ReferralRecord started = new ReferralRecord();
            started.referralId = referralId;
            referrals.persist(started);
            return started;
        });
        referral.odsCode = odsCode;
        return referral;
    }

    private void patient(ReferralRecord referral, Patient patient) {
        referral.patientPseudonym = pseudonymiser.pseudonymise(patient.nhsNumber());
        LocalDate received = referral.receivedAt.atZoneSameInstant(LONDON).toLocalDate();
        referral.ageBand = AgeBand.of(patient.dateOfBirth(), received);
        referral.postcodeDistrict = PostcodeDistrict.of(patient.postcode());
        referral.sex = patient.sex();
        referral.ethnicGroup = EthnicGroup.of(patient.ethnicCategory());
        referral.imdDecile = deprivation.decile(patient.lsoaCode());
    }

    /** Finds the case, or starts it from any of its events: events on other topics may arrive in any order. */
    private CaseRecord caseRecord(UUID caseId, UUID referralId) {
        return cases.findByIdOptional(caseId).orElseGet(() -> start(caseId, referralId));
    }

    /** Finds the case, or starts it from its owner: the read model may have started after the case. */
    public CaseRecord caseRecord(UUID caseId) {
        return cases.findByIdOptional(caseId).orElseGet(() -> start(caseId, owners.findById(caseId).referralId));
    }

    private CaseRecord start(UUID caseId, UUID referralId) {
        CaseRecord kase = new CaseRecord();
        kase.caseId = caseId;
        kase.referralId = referralId;
        cases.persist(kase);
        return kase;
    }

    /** The practice and PCN the case belongs to now; the PCN is also remembered for the practice's referrals. */
    private void place(CaseRecord kase, String odsCode, String pcnCode) {
        kase.odsCode = odsCode;
        if (pcnCode == null) {
            return;
        }
        kase.pcnCode = pcnCode;
        PracticePcn practice = practices.findByIdOptional(odsCode).orElseGet(PracticePcn::new);
        practice.odsCode = odsCode;
        practice.pcnCode = pcnCode;
        practice.learntAt = OffsetDateTime.now(ZoneOffset.UTC);
        practices.persist(practice);
    }

    private Journey journey(CaseRecord kase) {
        return journey(kase.referralId, kase.odsCode, kase.pcnCode);
    }

    /**
     * The referral's pseudonyms and coarse attributes, placed in the practice and PCN given, else the referral's
     * practice and the PCN last learnt for it.
     */
    private Journey journey(UUID referralId, String odsCode, String pcnCode) {
        ReferralRecord referral = referrals.findById(referralId);
        String ods = odsCode != null ? odsCode : referral == null ? null : referral.odsCode;
        String pcn = pcnCode != null || ods == null ? pcnCode
                : practices.findByIdOptional(ods).map(practice -> practice.pcnCode).orElse(null);
        String pseudonym = pseudonymiser.pseudonymise(referralId.toString());
        return referral == null ? new Journey(null, pseudonym, ods, pcn, null, null) : new Journey(
                referral.patientPseudonym, pseudonym, ods, pcn, referral.ageBand, referral.postcodeDistrict);
    }
}
