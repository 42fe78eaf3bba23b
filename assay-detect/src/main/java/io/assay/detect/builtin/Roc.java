package io.assay.detect.builtin;

import java.util.Arrays;

/** Threshold-free figures of a scorer on labelled examples (label true: synthetic, higher score: more synthetic). */
public final class Roc {

    private Roc() {
    }

    /** Area under the ROC curve: the chance that a random synthetic example outscores a random real one (ties half). */
    public static double auc(double[] scores, boolean[] synthetic) {
        int n = check(scores, synthetic);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSumPos = 0;
        long pos = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && scores[order[j]] == scores[order[i]]) {
                j++;
            }
            double midRank = (i + j + 1) / 2.0; // 1-based average rank of the tie group
            for (int k = i; k < j; k++) {
                if (synthetic[order[k]]) {
                    rankSumPos += midRank;
                    pos++;
                }
            }
            i = j;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            throw new IllegalArgumentException("AUC needs both classes: " + pos + " synthetic, " + neg + " real");
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /** Share of examples on the right side of {@code threshold} (at or above: synthetic). */
    public static double accuracy(double[] scores, boolean[] synthetic, double threshold) {
        int n = check(scores, synthetic);
        int right = 0;
        for (int i = 0; i < n; i++) {
            if ((scores[i] >= threshold) == synthetic[i]) {
                right++;
            }
        }
        return right / (double) n;
    }

    /** Equal error rate: where the false-accept and false-reject rates cross (their mean at the closest threshold). */
    public static double equalErrorRate(double[] scores, boolean[] synthetic) {
        int n = check(scores, synthetic);
        double[] thresholds = scores.clone();
        Arrays.sort(thresholds);
        double best = 1;
        double bestGap = Double.MAX_VALUE;
        for (double t : thresholds) {
            int fa = 0;
            int fr = 0;
            int pos = 0;
            for (int i = 0; i < n; i++) {
                if (synthetic[i]) {
                    pos++;
                    if (scores[i] < t) {
                        fr++;
                    }
                } else if (scores[i] >= t) {
                    fa++;
                }
            }
            double far = fa / (double) (n - pos);
            double frr = fr / (double) pos;
            if (Math.abs(far - frr) < bestGap) {
                bestGap = Math.abs(far - frr);
                best = (far + frr) / 2;
            }
        }
        return best;
    }

    private static int check(double[] scores, boolean[] synthetic) {
        if (scores.length != synthetic.length || scores.length == 0) {
            throw new IllegalArgumentException("need as many labels as scores, and at least one: " + scores.length + " / " + synthetic.length);
        }
        return scores.length;
    }
}
