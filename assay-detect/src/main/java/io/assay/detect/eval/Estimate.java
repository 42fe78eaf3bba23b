package io.assay.detect.eval;

/**
 * A figure with its bootstrap confidence interval; all NaN when undefined (e.g. precision when nothing was
 * flagged), the interval NaN when no resample defined it.
 *
 * @param value   the point estimate on all items
 * @param lower   the 2.5th percentile of the bootstrap distribution
 * @param upper   the 97.5th percentile
 * @param defined how many bootstrap rounds defined the figure (the interval is over those)
 */
public record Estimate(double value, double lower, double upper, int defined) {

    public static final Estimate UNDEFINED = new Estimate(Double.NaN, Double.NaN, Double.NaN, 0);

    public boolean isDefined() {
        return !Double.isNaN(value);
    }
}
