package org.linkwork.outcomes.assessments;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.linkwork.outcomes.instruments.Instrument;
import org.linkwork.outcomes.instruments.Measure;
import org.linkwork.outcomes.instruments.Score;

/**
 * Change of one instrument's scores from the first baseline to the latest later follow-up (review or discharge),
 * judged against each measure's meaningful-change threshold.
 */
public final class ChangeFromBaseline {

    /** One completed assessment as the calculation needs it. */
    public record Taken(Timepoint timepoint, OffsetDateTime completedAt, List<Score> scores) {
    }

    public enum Direction {
        IMPROVED, WORSENED, NO_MEANINGFUL_CHANGE
    }

    public record MeasureChange(String measure, BigDecimal baseline, BigDecimal latest, BigDecimal change,
            BigDecimal threshold, boolean meetsThreshold, Direction direction, String thresholdSource) {
    }

    public record Result(Instrument instrument, OffsetDateTime baselineCompletedAt, OffsetDateTime latestCompletedAt,
            Timepoint latestTimepoint, List<MeasureChange> measures) {
    }

    /** Per instrument of the case's assessments, the change of those that have a baseline and a later follow-up. */
    public static List<Result> of(List<Assessment> assessments) {
        return Arrays.stream(Instrument.values())
                .map(instrument -> of(instrument, assessments.stream().filter(a -> a.instrument == instrument)
                        .map(a -> new Taken(a.timepoint, a.completedAt, a.scores)).toList()))
                .flatMap(Optional::stream).toList();
    }

    /** Empty until the instrument has a baseline and a follow-up completed after it. */
    public static Optional<Result> of(Instrument instrument, List<Taken> assessments) {
        Optional<Taken> baseline = assessments.stream().filter(a -> a.timepoint() == Timepoint.BASELINE)
                .min(Comparator.comparing(Taken::completedAt));
        if (baseline.isEmpty()) {
            return Optional.empty();
        }
        OffsetDateTime from = baseline.get().completedAt();
        Optional<Taken> latest = assessments.stream()
                .filter(a -> a.timepoint() != Timepoint.BASELINE && a.completedAt().isAfter(from))
                .max(Comparator.comparing(Taken::completedAt));
        return latest.map(follow -> new Result(instrument, from, follow.completedAt(), follow.timepoint(),
                instrument.measures.stream().map(m -> change(m, baseline.get(), follow)).toList()));
    }

    private static MeasureChange change(Measure measure, Taken baseline, Taken latest) {
        BigDecimal before = value(baseline, measure.name());
        BigDecimal after = value(latest, measure.name());
        BigDecimal change = after.subtract(before);
        boolean meaningful = change.abs().compareTo(measure.meaningfulChange()) >= 0;
        Direction direction = !meaningful ? Direction.NO_MEANINGFUL_CHANGE
                : (change.signum() > 0) == measure.higherIsBetter() ? Direction.IMPROVED : Direction.WORSENED;
        return new MeasureChange(measure.name(), before, after, change, measure.meaningfulChange(), meaningful,
                direction, measure.source());
    }

    private static BigDecimal value(Taken assessment, String measure) {
        return assessment.scores().stream().filter(score -> score.measure().equals(measure)).map(Score::value)
                .findFirst().orElseThrow(() -> new IllegalStateException("Assessment has no score " + measure));
    }
}
