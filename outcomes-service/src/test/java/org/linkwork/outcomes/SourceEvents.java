package org.linkwork.outcomes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.linkwork.platform.events.CloudEvent;

/**
 * Events as referral-service and caseload-service publish them (their published JSON Schemas), with realistic
 * patient identifiers, for feeding outcomes-service through the real broker.
 */
public final class SourceEvents {

    public static final String REFERRAL_EVENTS = "referral-events";
    public static final String CASELOAD_EVENTS = "caseload-events";
    /** The directory's id of the service every prescription here is of: an internal id, never on ics-events. */
    public static final String SERVICE_ID = "walking-group-leeds";

    private SourceEvents() {
    }

    /** Everything identifying that referral-service knows about a patient. */
    public record Patient(String nhsNumber, String givenName, String familyName, LocalDate dateOfBirth,
            String postcode, String phone, String email) {

        /** A patient with a valid (Modulus 11) NHS number of its own, so that tests never share one. */
        public static Patient random(LocalDate dateOfBirth, String postcode) {
            String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1000, 9999));
            return new Patient(newNhsNumber(), "Philippa" + suffix, "Quennell-Ashworth" + suffix, dateOfBirth, postcode,
                    "07700 9" + suffix.substring(0, 2) + " " + suffix, "philippa." + suffix + "@example.org");
        }

        private static String newNhsNumber() {
            while (true) {
                StringBuilder digits = new StringBuilder();
                int sum = 0;
                for (int i = 0; i < 9; i++) {
                    int digit = ThreadLocalRandom.current().nextInt(10);
                    digits.append(digit);
                    sum += digit * (10 - i);
                }
                int check = 11 - sum % 11;
                if (check == 10) {
                    continue;
                }
                return digits.append(check == 11 ? 0 : check).toString();
            }
        }
    }

    /** A random practice ODS code (letter and five digits), so that a test's figures are its own. */
    public static String practice() {
        return "P" + ThreadLocalRandom.current().nextInt(10000, 99999);
    }

    /** A random PCN code. */
    public static String pcn() {
        return "U" + ThreadLocalRandom.current().nextInt(10000, 99999);
    }

    public static CloudEvent referralReceived(UUID referralId, String ods, OffsetDateTime receivedAt, Patient p) {
        return referralReceived(referralId, ods, receivedAt, p, "");
    }

    /** A received referral with the PRSB items referral-service passes on for reporting. */
    public static CloudEvent referralReceived(UUID referralId, String ods, OffsetDateTime receivedAt, Patient p,
            String sex, String ethnicCategory, String lsoaCode) {
        return referralReceived(referralId, ods, receivedAt, p, ",\"sex\":\"%s\",\"ethnicCategory\":\"%s\",\"lsoaCode\":\"%s\""
                .formatted(sex, ethnicCategory, lsoaCode));
    }

    private static CloudEvent referralReceived(UUID referralId, String ods, OffsetDateTime receivedAt, Patient p,
            String patientItems) {
        return event("/referral-service", "org.linkwork.referral.received.v1", referralId, """
                {"referralId":"%s","odsCode":"%s","reasons":["LONELINESS","LOW_MOOD"],"urgency":"ROUTINE","source":"JSON",
                 "receivedAt":"%s","patient":{"nhsNumber":"%s","dateOfBirth":"%s","postcode":"%s"%s}}"""
                .formatted(referralId, ods, receivedAt, p.nhsNumber(), p.dateOfBirth(), p.postcode(), patientItems));
    }


    public static CloudEvent referralAccepted(UUID referralId, String ods, OffsetDateTime receivedAt,
            OffsetDateTime acceptedAt, Patient p) {
        return event("/referral-service", "org.linkwork.referral.accepted.v1", referralId, """
                {"referralId":"%s","odsCode":"%s","reasons":["LONELINESS","LOW_MOOD"],"urgency":"ROUTINE",
                 "receivedAt":"%s","acceptedAt":"%s","acceptedBy":"auto-triage",
                 "patient":{"nhsNumber":"%s","givenName":"%s","familyName":"%s","dateOfBirth":"%s","postcode":"%s",
                  "phone":"%s","email":"%s","preferredContact":"PHONE","interpreterLanguage":null,
                  "accessibilityNeeds":"Hearing loop please, %s is hard of hearing"},
                 "notes":"Widowed last year, lives alone at %s; call %s"}"""
                .formatted(referralId, ods, receivedAt, acceptedAt, p.nhsNumber(), p.givenName(), p.familyName(),
                        p.dateOfBirth(), p.postcode(), p.phone(), p.email(), p.givenName(), p.postcode(), p.phone()));
    }

    public static CloudEvent referralRejected(UUID referralId, String ods, String reason, OffsetDateTime rejectedAt) {
        return event("/referral-service", "org.linkwork.referral.rejected.v1", referralId, """
                {"referralId":"%s","odsCode":"%s","reason":"%s","rejectedAt":"%s"}"""
                .formatted(referralId, ods, reason, rejectedAt));
    }

    public static CloudEvent referralCancelled(UUID referralId, String ods, String previousStatus, String reason,
            OffsetDateTime cancelledAt) {
        return event("/referral-service", "org.linkwork.referral.cancelled.v1", referralId, """
                {"referralId":"%s","odsCode":"%s","previousStatus":"%s","reason":"%s","cancelledAt":"%s"}"""
                .formatted(referralId, ods, previousStatus, reason, cancelledAt));
    }

    public static CloudEvent caseAssigned(UUID caseId, UUID referralId, String ods, String pcn, String linkWorker,
            OffsetDateTime assignedAt) {
        return event("/caseload-service", "org.linkwork.case.assigned.v1", caseId, """
                {"caseId":"%s","referralId":"%s","odsCode":"%s","pcnCode":"%s","linkWorkerId":"%s",
                 "linkWorker":"%s","assignedAt":"%s"}"""
                .formatted(caseId, referralId, ods, pcn, UUID.randomUUID(), linkWorker, assignedAt));
    }

    public static CloudEvent contactRecorded(UUID caseId, UUID referralId, OffsetDateTime contactAt, boolean attended) {
        return event("/caseload-service", "org.linkwork.case.contact-recorded.v1", caseId, """
                {"caseId":"%s","referralId":"%s","contactId":"%s","contactAt":"%s","mode":"FACE_TO_FACE",
                 "durationMinutes":45,"attended":%s}"""
                .formatted(caseId, referralId, UUID.randomUUID(), contactAt, attended));
    }

    public static CloudEvent activityPrescribed(UUID caseId, UUID referralId, OffsetDateTime at) {
        return activityPrescribed(caseId, referralId, UUID.randomUUID(), at);
    }

    public static CloudEvent activityPrescribed(UUID caseId, UUID referralId, UUID prescriptionId, OffsetDateTime at) {
        return event("/caseload-service", "org.linkwork.case.activity-prescribed.v1", caseId, """
                {"caseId":"%s","referralId":"%s","prescriptionId":"%s","serviceId":"%s",
                 "status":"ACCEPTED","at":"%s"}"""
                .formatted(caseId, referralId, prescriptionId, SERVICE_ID, at));
    }

    /** The v2 caseload-service publishes beside v1 for the same prescription: v1 with the service's term codes. */
    public static CloudEvent activityPrescribedV2(UUID caseId, UUID referralId, UUID prescriptionId, OffsetDateTime at,
            String... taxonomyTerms) {
        String terms = Arrays.stream(taxonomyTerms).map(term -> '"' + term + '"').collect(Collectors.joining(","));
        return event("/caseload-service", "org.linkwork.case.activity-prescribed.v2", caseId, """
                {"caseId":"%s","referralId":"%s","prescriptionId":"%s","serviceId":"%s",
                 "status":"ACCEPTED","at":"%s","taxonomyTerms":[%s]}"""
                .formatted(caseId, referralId, prescriptionId, SERVICE_ID, at, terms));
    }

    public static CloudEvent planAgreed(UUID caseId, UUID referralId, String ods, String pcn, OffsetDateTime agreedAt) {
        return event("/caseload-service", "org.linkwork.case.plan-agreed.v1", caseId, """
                {"caseId":"%s","referralId":"%s","odsCode":"%s","pcnCode":"%s",
                 "code":{"system":"https://fhir.linkwork.nhs.uk/CodeSystem/care-plan-status","code":"plan-agreed",
                 "display":"Personalised care and support plan agreed"},"agreedAt":"%s"}"""
                .formatted(caseId, referralId, ods, pcn, agreedAt));
    }

    public static CloudEvent caseClosed(UUID caseId, UUID referralId, String ods, String pcn, String reason,
            OffsetDateTime closedAt) {
        return event("/caseload-service", "org.linkwork.case.closed.v1", caseId, """
                {"caseId":"%s","referralId":"%s","odsCode":"%s","pcnCode":"%s","reason":"%s","closedAt":"%s"}"""
                .formatted(caseId, referralId, ods, pcn, reason, closedAt));
    }

    public static CloudEvent waitingListed(UUID caseId, UUID referralId, String ods, String pcn, OffsetDateTime openedAt) {
        return event("/caseload-service", "org.linkwork.case.waiting-listed.v1", caseId, """
                {"caseId":"%s","referralId":"%s","odsCode":"%s","pcnCode":"%s","openedAt":"%s"}"""
                .formatted(caseId, referralId, ods, pcn, openedAt));
    }

    public static CloudEvent activityEnded(UUID caseId, UUID referralId, String status, OffsetDateTime at) {
        return event("/caseload-service", "org.linkwork.case.activity-ended.v1", caseId, """
                {"caseId":"%s","referralId":"%s","prescriptionId":"%s","serviceId":"walking-group-leeds",
                 "status":"%s","at":"%s"}"""
                .formatted(caseId, referralId, UUID.randomUUID(), status, at));
    }

    public static CloudEvent linkWorkerChanged(UUID linkWorkerId, String pcn, String fte, boolean active,
            OffsetDateTime changedAt) {
        return event("/caseload-service", "org.linkwork.link-worker.changed.v1", linkWorkerId, """
                {"linkWorkerId":"%s","pcnCode":"%s","fte":%s,"active":%s,"changedAt":"%s"}"""
                .formatted(linkWorkerId, pcn, fte, active, changedAt));
    }

    private static CloudEvent event(String source, String type, UUID subject, String data) {
        return new CloudEvent(UUID.randomUUID().toString(), source, type, subject.toString(),
                OffsetDateTime.now(ZoneOffset.UTC), CloudEvent.JSON, data);
    }
}
