package org.linkwork.outcomes.workforce;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.linkwork.outcomes.journeys.CaseRecordRepository;
import org.linkwork.platform.disclosure.AgainstGuidance;
import org.linkwork.platform.disclosure.Figure;
import org.linkwork.platform.disclosure.Suppression;

/** The workforce as announced by caseload-service, and each PCN's load against the guidance. */
@ApplicationScoped
public class WorkforceService {

    private final LinkWorkerRecordRepository workers;
    private final CaseRecordRepository caseRecords;
    private final Event<WorkforceChanged> changes;

    WorkforceService(LinkWorkerRecordRepository workers, CaseRecordRepository caseRecords,
            Event<WorkforceChanged> changes) {
        this.workers = workers;
        this.caseRecords = caseRecords;
        this.changes = changes;
    }

    /** Keeps the latest state: an announcement older than the one held changes nothing (events may come late). */
    @Transactional
    public void changed(UUID linkWorkerId, String pcnCode, BigDecimal fte, boolean active, OffsetDateTime changedAt) {
        LinkWorkerRecord worker = workers.findById(linkWorkerId);
        if (worker != null && !changedAt.isAfter(worker.changedAt)) {
            return;
        }
        if (worker == null) {
            worker = new LinkWorkerRecord();
            worker.linkWorkerId = linkWorkerId;
        }
        worker.pcnCode = pcnCode;
        worker.fte = fte;
        worker.active = active;
        worker.changedAt = changedAt;
        workers.persist(worker);
        changes.fire(new WorkforceChanged(linkWorkerId, pcnCode, fte, active, changedAt));
    }

    /** Every PCN with a link worker or a case, or only {@code pcnCode}. */
    @Transactional
    public WorkforceView report(String pcnCode) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime yearAgo = now.minusYears(1);
        Map<String, Load> loads = new TreeMap<>();
        for (LinkWorkerRecord worker : workers.active(pcnCode)) {
            Load load = loads.computeIfAbsent(worker.pcnCode, k -> new Load());
            load.linkWorkers++;
            load.fte = load.fte.add(worker.fte);
        }
        for (CaseRecordRepository.PcnCaseLoad cases : caseRecords.loadByPcn(pcnCode, yearAgo, now)) {
            Load load = loads.computeIfAbsent(cases.pcnCode(), k -> new Load());
            load.openCases = cases.openCases();
            load.peopleInYear = cases.begunBetween();
        }
        List<WorkforceView.Pcn> pcns = loads.entrySet().stream().map(e -> e.getValue().view(e.getKey())).toList();
        return new WorkforceView(now, yearAgo, AgainstGuidance.LOW, AgainstGuidance.HIGH, pcns);
    }

    private static final class Load {
        int linkWorkers;
        BigDecimal fte = BigDecimal.ZERO.setScale(2);
        long openCases;
        long peopleInYear;

        WorkforceView.Pcn view(String pcnCode) {
            Figure perFte = AgainstGuidance.peoplePerFte(peopleInYear, fte);
            return new WorkforceView.Pcn(pcnCode, linkWorkers, fte, Suppression.count(openCases),
                    Suppression.count(peopleInYear), perFte, AgainstGuidance.of(perFte));
        }
    }
}
