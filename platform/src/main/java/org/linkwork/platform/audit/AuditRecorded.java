package org.linkwork.platform.audit;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Data of {@code org.linkwork.audit.recorded.v1} on {@code audit-events}: one audit record as its
 * service wrote it, so that one place can answer for the whole suite. The service is the event's
 * {@code source}.
 *
 * <p>The constraints are what a consumer (referral-service's suite trail) cannot do without: an event lacking
 * them is dead-lettered by the inbox instead of being stored half-empty.
 *
 * @param recordId the record's id in its service's {@code audit_record} table
 * @param nhsNumber the patient's NHS number, or null when the service recorded none (outcomes-service
 *                  names the case instead; aggregate reports have no patient)
 */
public record AuditRecorded(@Positive long recordId, @NotNull OffsetDateTime occurredAt, @NotBlank String actor,
        @NotNull List<String> roles, @NotBlank String action, @NotBlank String resourceType, String resourceId,
        String nhsNumber, @NotNull AuditRecord.Outcome outcome) {

    public static final String TOPIC = "audit-events";
    public static final String TYPE = "org.linkwork.audit.recorded.v1";

    static AuditRecorded of(AuditRecord record) {
        List<String> roles = record.roles().isEmpty() ? List.of() : List.of(record.roles().split(","));
        return new AuditRecorded(record.id(), record.occurredAt(), record.actor(), roles, record.action(),
                record.resourceType(), record.resourceId(), record.patientId(), record.outcome());
    }
}
