package io.assay.detect.eval;

import java.util.List;

/**
 * A receiver operating characteristic: one point per distinct score, from the strictest threshold (0,0) to the
 * most lenient (1,1). Tied scores form one step, so the area under the curve equals the Mann-Whitney statistic with
 * ties counted as half.
 *
 * @param points (threshold, false positive rate, true positive rate), the first at (+inf, 0, 0)
 */
public record RocCurve(List<Point> points) {

    public record Point(double threshold, double fpr, double tpr) {
    }

    public RocCurve {
        points = List.copyOf(points);
    }

    public double auc() {
        double[] fpr = points.stream().mapToDouble(Point::fpr).toArray();
        double[] tpr = points.stream().mapToDouble(Point::tpr).toArray();
        return auc(fpr, tpr, fpr.length);
    }

    public double eer() {
        double[] fpr = points.stream().mapToDouble(Point::fpr).toArray();
        double[] tpr = points.stream().mapToDouble(Point::tpr).toArray();
        return eer(fpr, tpr, fpr.length);
    }

    /** Trapezoidal area under the first {@code n} points. */
    static double auc(double[] fpr, double[] tpr, int n) {
        double a = 0;
        for (int i = 1; i < n; i++) {
            a += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2;
        }
        return a;
    }

    /**
     * The equal error rate: where the false positive rate meets the false negative rate (1 - TPR), interpolated
     * linearly along the segment of the curve that crosses it.
     */
    static double eer(double[] fpr, double[] tpr, int n) {
        double prev = fpr[0] - (1 - tpr[0]);
        if (prev >= 0) {
            return fpr[0];
        }
        for (int i = 1; i < n; i++) {
            double d = fpr[i] - (1 - tpr[i]);
            if (d >= 0) {
                double t = -prev / (d - prev);
                return fpr[i - 1] + t * (fpr[i] - fpr[i - 1]);
            }
            prev = d;
        }
        return Double.NaN; // unreachable for a curve that ends at (1,1)
    }
}
