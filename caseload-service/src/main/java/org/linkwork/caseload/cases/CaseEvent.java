package org.linkwork.caseload.cases;

import java.util.UUID;

/** A change to a case that the rest of the suite hears of; fired in the changing transaction, keyed by case. */
public interface CaseEvent {

    UUID caseId();
}
