package org.linkwork.dashboard.workforce;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

/** Keeps each link worker's latest state; an announcement older than the one held changes nothing. */
@ApplicationScoped
public class WorkforceService {

    private final LinkWorkerRepository workers;

    WorkforceService(LinkWorkerRepository workers) {
        this.workers = workers;
    }

    /** Whether no workforce change has been applied yet (a new or emptied database). */
    public boolean nothingHeld() {
        return workers.count() == 0;
    }

    public void changed(String pseudonym, String pcnCode, BigDecimal fte, boolean active, OffsetDateTime changedAt) {
        LinkWorker worker = workers.findByIdOptional(pseudonym).orElse(null);
        if (worker != null && !changedAt.isAfter(worker.changedAt)) {
            return;
        }
        if (worker == null) {
            worker = new LinkWorker();
            worker.pseudonym = pseudonym;
        }
        worker.pcnCode = pcnCode;
        worker.fte = fte;
        worker.active = active;
        worker.changedAt = changedAt;
        workers.persist(worker);
    }
}
