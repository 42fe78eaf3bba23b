package io.assay.detect;

import java.util.Objects;

/** One detector's outcome on one input, bucketed into its vote, with the time it took. */
public record DetectorResult(DetectorInfo info, DetectorOutcome outcome, Vote vote, double millis) {

    public DetectorResult {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(vote, "vote");
        if (outcome instanceof DetectorOutcome.NotApplicable && vote != Vote.NOT_APPLICABLE) {
            throw new IllegalArgumentException("a detector that does not apply cannot vote " + vote);
        }
    }

    /** The result of an outcome, voted by the detector's thresholds. */
    public static DetectorResult of(DetectorInfo info, DetectorOutcome outcome, double millis) {
        Vote vote = outcome instanceof DetectorOutcome.Scored s ? info.vote(s.score()) : Vote.NOT_APPLICABLE;
        return new DetectorResult(info, outcome, vote, millis);
    }

    /** The score, or NaN when the detector did not apply. */
    public double score() {
        return outcome instanceof DetectorOutcome.Scored s ? s.score() : Double.NaN;
    }
}
