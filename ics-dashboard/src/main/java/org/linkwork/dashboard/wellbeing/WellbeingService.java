package org.linkwork.dashboard.wellbeing;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Change of each measure from a referral's first baseline to its latest later follow-up, judged against the
 * measure's meaningful-change threshold, as outcomes-service judges it (GET /outcomes/cases/{caseId} states each
 * threshold and its source).
 */
@ApplicationScoped
public class WellbeingService {

    /** A measure the reports follow: which way is better and how much change counts. */
    record Measure(boolean higherIsBetter, BigDecimal meaningfulChange) {
    }

    /** By {@code INSTRUMENT.measure}: ONS4's four items (a fall in anxiety is better), SWEMWBS metric, UCLA-3 total. */
    static final Map<String, Measure> MEASURES = Map.of(
            "ONS4.lifeSatisfaction", new Measure(true, BigDecimal.ONE),
            "ONS4.worthwhile", new Measure(true, BigDecimal.ONE),
            "ONS4.happiness", new Measure(true, BigDecimal.ONE),
            "ONS4.anxiety", new Measure(false, BigDecimal.ONE),
            "SWEMWBS.metric", new Measure(true, new BigDecimal("3")),
            "UCLA3.total", new Measure(false, BigDecimal.ONE));

    /** One referral's change of one measure, in the month of the follow-up it ends with. */
    public record Change(String referral, String measure, OffsetDateTime followUpAt, BigDecimal change,
            boolean improved) {
    }

    /** An assessment's scores, by measure. */
    public record Score(String measure, BigDecimal value) {
    }

    private final AssessmentScoreRepository scores;

    WellbeingService(AssessmentScoreRepository scores) {
        this.scores = scores;
    }

    public boolean nothingHeld() {
        return scores.count() == 0;
    }

    public void assessmentRecorded(String referral, String instrument, String timepoint, OffsetDateTime completedAt,
            List<Score> recorded) {
        for (Score score : recorded) {
            AssessmentScore row = new AssessmentScore();
            row.referral = referral;
            row.instrument = instrument;
            row.timepoint = timepoint;
            row.completedAt = completedAt;
            row.measure = score.measure();
            row.value = score.value();
            scores.persist(row);
        }
    }

    /** The changes whose follow-up was completed in [from, to). */
    public List<Change> changesBetween(OffsetDateTime from, OffsetDateTime to) {
        Map<String, Map<String, List<AssessmentScore>>> byReferralAndMeasure = scores.ofReferralsFollowedUpBetween(from, to)
                .stream().filter(s -> MEASURES.containsKey(s.instrument + "." + s.measure))
                .collect(Collectors.groupingBy(s -> s.referral, Collectors.groupingBy(s -> s.instrument + "." + s.measure)));
        List<Change> changes = new ArrayList<>();
        byReferralAndMeasure.forEach((referral, byMeasure) -> byMeasure.forEach((measure, taken) ->
                change(referral, measure, taken).filter(c -> !c.followUpAt().isBefore(from) && c.followUpAt().isBefore(to))
                        .ifPresent(changes::add)));
        return changes;
    }

    private static Optional<Change> change(String referral, String measure, List<AssessmentScore> taken) {
        Optional<AssessmentScore> baseline = taken.stream().filter(s -> "BASELINE".equals(s.timepoint))
                .min(Comparator.comparing(s -> s.completedAt));
        return baseline.flatMap(first -> taken.stream()
                .filter(s -> !"BASELINE".equals(s.timepoint) && s.completedAt.isAfter(first.completedAt))
                .max(Comparator.comparing(s -> s.completedAt)).map(latest -> {
                    Measure rule = MEASURES.get(measure);
                    BigDecimal change = latest.value.subtract(first.value);
                    boolean meaningful = change.abs().compareTo(rule.meaningfulChange()) >= 0;
                    return new Change(referral, measure, latest.completedAt, change,
                            meaningful && (change.signum() > 0) == rule.higherIsBetter());
                }));
    }
}
