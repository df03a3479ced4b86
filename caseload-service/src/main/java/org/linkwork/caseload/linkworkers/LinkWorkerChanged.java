package org.linkwork.caseload.linkworkers;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A link worker added or changed, as the workforce reports need it: where they work and how much. Neither name nor
 * user name: a PCN's capacity is the point, not who provides it.
 */
public record LinkWorkerChanged(UUID linkWorkerId, String pcnCode, BigDecimal fte, boolean active,
        OffsetDateTime changedAt) {

    static LinkWorkerChanged of(LinkWorker worker) {
        return new LinkWorkerChanged(worker.id, worker.pcnCode, worker.fte, worker.active,
                OffsetDateTime.now(ZoneOffset.UTC));
    }
}
