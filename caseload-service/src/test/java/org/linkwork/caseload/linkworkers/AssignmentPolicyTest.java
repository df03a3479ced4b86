package org.linkwork.caseload.linkworkers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linkwork.caseload.linkworkers.AssignmentPolicy.Candidate;

class AssignmentPolicyTest {

    @Test
    void mostFreePlacesWins() {
        Candidate busy = candidate("a", 10, 8, "English");
        Candidate free = candidate("b", 10, 3, "English");
        assertEquals("b", AssignmentPolicy.choose(List.of(busy, free), null).orElseThrow().worker().username);
    }

    @Test
    void equalFreePlacesGoToTheWorkerWithFewerOpenCases() {
        Candidate bigger = candidate("a", 20, 15, "English");
        Candidate smaller = candidate("b", 8, 3, "English");
        assertEquals("b", AssignmentPolicy.choose(List.of(bigger, smaller), null).orElseThrow().worker().username);
    }

    @Test
    void thenToAWorkerWhoSpeaksThePatientsLanguage() {
        Candidate english = candidate("a", 10, 5, "English");
        Candidate polish = candidate("b", 10, 5, "English", "Polish");
        assertEquals("b", AssignmentPolicy.choose(List.of(english, polish), "polish").orElseThrow().worker().username);
        assertEquals("a", AssignmentPolicy.choose(List.of(english, polish), null).orElseThrow().worker().username);
    }

    @Test
    void fullOrInactiveWorkersTakeNoCase() {
        Candidate full = candidate("a", 5, 5, "English");
        Candidate inactive = candidate("b", 5, 0, "English");
        inactive.worker().active = false;
        assertTrue(AssignmentPolicy.choose(List.of(full, inactive), null).isEmpty());
    }

    private static Candidate candidate(String username, int cap, long open, String... languages) {
        LinkWorker worker = new LinkWorker();
        worker.id = UUID.randomUUID();
        worker.username = username;
        worker.fte = BigDecimal.ONE;
        worker.caseloadCap = cap;
        worker.languages = String.join(",", languages);
        return new Candidate(worker, cap, open);
    }
}
