package org.linkwork.caseload.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkwork.caseload.linkworkers.LinkWorkerView;

@Schema(name = "Caseload", description = "What a link worker opens first thing: their cases by status, who is overdue a contact, which plans need review.")
public record CaseloadView(LinkWorkerView worker, Map<CaseStatus, Long> countsByStatus, List<Due> contactsOverdue,
        List<Due> reviewsDue) {

    @Schema(name = "CaseDue")
    public record Due(UUID caseId, String patientName, CaseStatus status, OffsetDateTime lastContact, LocalDate reviewDate) {
    }
}
