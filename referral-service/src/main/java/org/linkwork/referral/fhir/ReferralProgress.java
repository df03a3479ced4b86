package org.linkwork.referral.fhir;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.linkwork.referral.referral.ReferralStatus;

/**
 * How a referral's Linkwork status reads in FHIR: the Task's status, and the ServiceRequest's, which follows the
 * Task's. Searches by status use the same mapping backwards, so a resource is found by the status it shows.
 */
final class ReferralProgress {

    private ReferralProgress() {
    }

    static TaskStatus taskStatus(ReferralStatus status) {
        return switch (status) {
            case RECEIVED -> TaskStatus.REQUESTED;
            case ACCEPTED, ASSIGNED -> TaskStatus.ACCEPTED;
            case IN_PROGRESS -> TaskStatus.INPROGRESS;
            case COMPLETED -> TaskStatus.COMPLETED;
            case REJECTED -> TaskStatus.REJECTED;
            case CANCELLED, PATIENT_DECLINED -> TaskStatus.CANCELLED;
            // Tried and failed: the link worker could not reach the patient.
            case UNABLE_TO_CONTACT -> TaskStatus.FAILED;
        };
    }

    static ServiceRequestStatus serviceRequestStatus(ReferralStatus status) {
        return switch (taskStatus(status)) {
            case COMPLETED -> ServiceRequestStatus.COMPLETED;
            case REJECTED, CANCELLED, FAILED -> ServiceRequestStatus.REVOKED;
            default -> ServiceRequestStatus.ACTIVE;
        };
    }

    /** The Task status codes the facade emits, in the order of the lifecycle. */
    static Set<String> taskStatusCodes() {
        return Arrays.stream(ReferralStatus.values()).map(s -> taskStatus(s).toCode())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static Set<String> serviceRequestStatusCodes() {
        return Arrays.stream(ReferralStatus.values()).map(s -> serviceRequestStatus(s).toCode())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The Linkwork statuses shown as this Task status code (empty when the facade never shows it). */
    static Set<ReferralStatus> withTaskStatus(String code) {
        return matching(s -> taskStatus(s).toCode().equals(code));
    }

    static Set<ReferralStatus> withServiceRequestStatus(String code) {
        return matching(s -> serviceRequestStatus(s).toCode().equals(code));
    }

    private static Set<ReferralStatus> matching(Predicate<ReferralStatus> test) {
        Set<ReferralStatus> statuses = EnumSet.noneOf(ReferralStatus.class);
        Arrays.stream(ReferralStatus.values()).filter(test).forEach(statuses::add);
        return statuses;
    }
}
