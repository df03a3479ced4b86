package org.linkwork.caseload.cases;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Fired when a case closes, in the closing transaction: observers end what the case held. */
public record CaseClosed(UUID caseId, UUID referralId, String odsCode, String pcnCode, ClosureReason reason,
        OffsetDateTime closedAt) implements CaseEvent {

    static CaseClosed of(Case c) {
        return new CaseClosed(c.id, c.referralId, c.odsCode, c.pcnCode, c.closureReason, c.closedAt);
    }
}
