package org.linkwork.caseload.linkworkers;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which link worker takes a new case: among active workers of the patient's PCN with free
 * capacity, the one with the most free places; ties go to the fewest open cases, then to a
 * worker who speaks the patient's interpreter language.
 */
public final class AssignmentPolicy {

    /** A worker as the policy sees them: cap and current open cases. */
    public record Candidate(LinkWorker worker, int cap, long openCases) {
        public long free() {
            return cap - openCases;
        }
    }

    private AssignmentPolicy() {
    }

    public static Optional<Candidate> choose(List<Candidate> candidates, String interpreterLanguage) {
        return candidates.stream()
                .filter(c -> c.worker().active && c.free() > 0)
                .min(Comparator.comparingLong((Candidate c) -> -c.free())
                        .thenComparingLong(Candidate::openCases)
                        .thenComparing(c -> c.worker().speaks(interpreterLanguage) ? 0 : 1)
                        .thenComparing(c -> c.worker().username));
    }
}
