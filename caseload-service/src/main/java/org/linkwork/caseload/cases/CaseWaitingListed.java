package org.linkwork.caseload.cases;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Fired when a new case finds no free link worker (or its practice is outside the network). */
public record CaseWaitingListed(UUID caseId, UUID referralId, String odsCode, String pcnCode, OffsetDateTime openedAt)
        implements CaseEvent {

    static CaseWaitingListed of(Case c) {
        return new CaseWaitingListed(c.id, c.referralId, c.odsCode, c.pcnCode, c.openedAt);
    }
}
