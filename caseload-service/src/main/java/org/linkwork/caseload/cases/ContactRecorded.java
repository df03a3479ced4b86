package org.linkwork.caseload.cases;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Fired when a contact with the patient is recorded, attended or not. */
public record ContactRecorded(UUID caseId, UUID referralId, UUID contactId, OffsetDateTime contactAt,
        ContactMode mode, int durationMinutes, boolean attended) implements CaseEvent {

    static ContactRecorded of(Case c, Contact contact) {
        return new ContactRecorded(c.id, c.referralId, contact.id, contact.at, contact.mode, contact.durationMinutes,
                contact.attended);
    }
}
