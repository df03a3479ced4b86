package org.linkwork.caseload.linkworkers;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LinkWorker")
public record LinkWorkerView(UUID id, String username, String name, String pcnCode, BigDecimal fte, Integer caseloadCap,
        int effectiveCap, long openCases, long freePlaces, List<String> languages, boolean active) {

    public static LinkWorkerView of(LinkWorker w, int cap, long openCases) {
        return new LinkWorkerView(w.id, w.username, w.name, w.pcnCode, w.fte, w.caseloadCap, cap, openCases,
                Math.max(0, cap - openCases), w.languageList(), w.active);
    }
}
