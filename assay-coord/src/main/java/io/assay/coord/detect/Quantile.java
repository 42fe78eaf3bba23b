package io.assay.coord.detect;

import java.util.Arrays;

/** R's default sample quantile (type 7: linear interpolation between order statistics), as CooRTweet uses it. */
public final class Quantile {

    private Quantile() {
    }

    public static double type7(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1]: " + p);
        }
        double[] x = values.clone();
        Arrays.sort(x);
        double h = (x.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, x.length - 1);
        double f = h - lo;
        // R's own arithmetic, so that a weight equal to the quantile compares the same way
        return f == 0 || x[hi] == x[lo] ? x[lo] : (1 - f) * x[lo] + f * x[hi];
    }
}
