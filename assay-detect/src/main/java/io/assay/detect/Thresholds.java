package io.assay.detect;

/**
 * Calibrated thresholds on a detector's "synthetic" score in 0..1: at or above {@code high} the detector votes
 * synthetic, at or below {@code low} it votes authentic, in between it is uncertain.
 */
public record Thresholds(double low, double high) {

    public Thresholds {
        if (Double.isNaN(low) || Double.isNaN(high) || low < 0 || high > 1 || low >= high) {
            throw new IllegalArgumentException("thresholds need 0 <= low < high <= 1: low=" + low + ", high=" + high);
        }
    }

    public Vote vote(double score) {
        if (Double.isNaN(score)) {
            return Vote.NOT_APPLICABLE;
        }
        if (score >= high) {
            return Vote.HIGH;
        }
        if (score <= low) {
            return Vote.LOW;
        }
        return Vote.UNCERTAIN;
    }
}
