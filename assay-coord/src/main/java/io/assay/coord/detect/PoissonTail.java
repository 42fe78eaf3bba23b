package io.assay.coord.detect;

/** log P(X &gt;= k) for X ~ Poisson(lambda), summed in log space so that tiny tails stay exact. */
final class PoissonTail {

    private PoissonTail() {
    }

    static double logUpper(int k, double lambda) {
        if (k <= 0) {
            return 0;
        }
        if (lambda <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (k <= lambda) {
            // at or below the mean: the tail is at least about one half, never significant; log 1 is close enough
            return 0;
        }
        double logTerm = -lambda + k * Math.log(lambda) - logFactorial(k);
        double sum = 1;
        double ratio = 1;
        for (int i = k + 1; i < k + 10_000; i++) {
            ratio *= lambda / i;
            sum += ratio;
            if (ratio < 1e-17 * sum) {
                break;
            }
        }
        return logTerm + Math.log(sum);
    }

    static double logFactorial(int n) {
        if (n < 2) {
            return 0;
        }
        if (n < 30) {
            double s = 0;
            for (int i = 2; i <= n; i++) {
                s += Math.log(i);
            }
            return s;
        }
        double x = n;
        // Stirling's series: error below 1e-10 from n = 30
        return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x) + 1 / (12 * x) - 1 / (360 * x * x * x);
    }
}
