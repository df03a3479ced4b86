package org.linkwork.referral.fhir;

import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.linkwork.referral.referral.CancellationReason;
import org.linkwork.referral.referral.Referral;
import org.linkwork.referral.referral.ReferralStatus;
import org.linkwork.referral.referral.RejectionReason;
import org.linkwork.referral.referral.StatusChange;

/**
 * A referral's progress as a UK Core Task: one per referral, with the referral's id, derived from the referral
 * and its status history, which caseload-service's events keep current, so it is never stale.
 */
final class TaskMapper {

    /** The Linkwork referral statuses (RECEIVED ... CANCELLED), the Task's businessStatus. */
    static final String REFERRAL_STATUS_SYSTEM = "https://fhir.linkwork.nhs.uk/CodeSystem/referral-status";
    /** Why a referral was rejected, cancelled or closed unfinished, the Task's statusReason. */
    static final String STATUS_REASON_SYSTEM = "https://fhir.linkwork.nhs.uk/CodeSystem/referral-status-reason";
    static final String TASK_CODE_SYSTEM = "http://hl7.org/fhir/CodeSystem/task-code";
    /** Who does the work: the social prescribing service, which has no ODS code of its own. */
    static final String OWNER = "Linkwork social prescribing link worker service";

    private TaskMapper() {
    }

    static Task toTask(Referral referral) {
        Task task = new Task();
        task.setId(referral.id.toString());
        task.getMeta().addProfile(UkCore.TASK).setLastUpdated(Date.from(referral.updatedAt.toInstant()));
        task.addIdentifier().setSystem(ServiceRequestMapper.LINKWORK_ID).setValue(referral.id.toString());
        Reference serviceRequest = new Reference("ServiceRequest/" + referral.id);
        task.addBasedOn(serviceRequest);
        task.setFocus(serviceRequest.copy());
        task.setStatus(ReferralProgress.taskStatus(referral.status));
        task.setBusinessStatus(new CodeableConcept(
                new Coding(REFERRAL_STATUS_SYSTEM, referral.status.name(), display(referral.status))));
        statusReason(referral).ifPresent(task::setStatusReason);
        task.setIntent(Task.TaskIntent.ORDER);
        task.setCode(new CodeableConcept(new Coding(TASK_CODE_SYSTEM, "fulfill", "Fulfill the focal request")));
        task.setFor(PatientMapper.reference(referral));
        task.setAuthoredOn(Date.from(referral.receivedAt.toInstant()));
        task.setLastModified(Date.from(referral.updatedAt.toInstant()));
        task.getExecutionPeriod().setStart(Date.from(referral.receivedAt.toInstant()));
        if (!referral.status.isOpen()) {
            task.getExecutionPeriod().setEnd(Date.from(referral.updatedAt.toInstant()));
        }
        task.setRequester(ServiceRequestMapper.requester(referral));
        task.setOwner(new Reference().setDisplay(OWNER));
        return task;
    }

    /**
     * The coded reason of the change that gave the referral its closing status: a rejection or cancellation
     * reason (the code before the canceller's note, which stays in the history), or the case's closure.
     */
    static Optional<CodeableConcept> statusReason(Referral referral) {
        ReferralStatus status = referral.status;
        Optional<String> code = switch (status) {
            case PATIENT_DECLINED, UNABLE_TO_CONTACT -> Optional.of(status.name());
            case REJECTED -> lastReason(referral).filter(c -> isOneOf(c, RejectionReason.values()));
            case CANCELLED -> lastReason(referral).filter(c -> isOneOf(c, CancellationReason.values()));
            default -> Optional.empty();
        };
        return code.map(c -> new CodeableConcept(new Coding(STATUS_REASON_SYSTEM, c, display(c))));
    }

    private static Optional<String> lastReason(Referral referral) {
        List<StatusChange> history = referral.history();
        return history.stream().filter(c -> c.to == referral.status).reduce((a, b) -> b)
                .map(c -> c.reason).filter(r -> r != null)
                .map(r -> r.contains(":") ? r.substring(0, r.indexOf(':')) : r).map(String::strip);
    }

    private static boolean isOneOf(String code, Enum<?>[] values) {
        return Arrays.stream(values).anyMatch(v -> v.name().equals(code));
    }

    /** "PATIENT_DECLINED" reads "Patient declined". */
    static String display(Enum<?> value) {
        return display(value.name());
    }

    private static String display(String code) {
        String words = code.replace('_', ' ').toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
