package org.linkwork.caseload.cases;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Fired when a case is assigned or reassigned to a link worker. */
public record CaseAssigned(UUID caseId, UUID referralId, String odsCode, String pcnCode, UUID linkWorkerId,
        String linkWorker, OffsetDateTime assignedAt) implements CaseEvent {

    static CaseAssigned of(Case c) {
        return new CaseAssigned(c.id, c.referralId, c.odsCode, c.pcnCode, c.linkWorker.id, c.linkWorker.username,
                c.assignedAt);
    }
}
