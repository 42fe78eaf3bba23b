package io.assay.detect.eval;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Stratified bootstrap: each round redraws the fake items and the real items separately, with replacement, as many
 * as each class has, so every resample keeps the class balance and the AUC stays defined. 95 % intervals are the
 * 2.5th and 97.5th percentiles of the rounds (percentile method). Deterministic for a seed.
 */
public final class Bootstrap {

    /** The four figures with intervals. */
    public record Intervals(Estimate auc, Estimate eer, Estimate precision, Estimate recall) {
    }

    private Bootstrap() {
    }

    public static Intervals run(ScoredSample sample, int rounds, long seed) {
        if (rounds < 0) {
            throw new IllegalArgumentException("bootstrap rounds must be >= 0: " + rounds);
        }
        ScoredSample.Summary point = sample.summary();
        double[][] draws = new double[4][rounds];
        if (sample.size() > 0) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int[] weights = new int[sample.size()];
            for (int r = 0; r < rounds; r++) {
                Arrays.fill(weights, 0);
                draw(sample.fakeIndex(), weights, rnd);
                draw(sample.realIndex(), weights, rnd);
                ScoredSample.Summary s = sample.summary(weights);
                draws[0][r] = s.auc();
                draws[1][r] = s.eer();
                draws[2][r] = s.precision();
                draws[3][r] = s.recall();
            }
        } else {
            for (double[] d : draws) {
                Arrays.fill(d, Double.NaN);
            }
        }
        return new Intervals(estimate(point.auc(), draws[0]), estimate(point.eer(), draws[1]),
                estimate(point.precision(), draws[2]), estimate(point.recall(), draws[3]));
    }

    private static void draw(int[] stratum, int[] weights, SplittableRandom rnd) {
        for (int k = 0; k < stratum.length; k++) {
            weights[stratum[rnd.nextInt(stratum.length)]]++;
        }
    }

    private static Estimate estimate(double value, double[] draws) {
        if (Double.isNaN(value)) {
            return Estimate.UNDEFINED;
        }
        double[] d = Arrays.stream(draws).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (d.length == 0) {
            return new Estimate(value, Double.NaN, Double.NaN, 0);
        }
        return new Estimate(value, percentile(d, 0.025), percentile(d, 0.975), d.length);
    }

    /** The p-quantile of sorted values, interpolated between order statistics (Hyndman-Fan type 7). */
    static double percentile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
