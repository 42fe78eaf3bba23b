package io.assay.detect.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The scored items of one row on one condition, sorted by score (highest first) and grouped by tied score, so a
 * single sweep gives the ROC curve, AUC, EER and the counts at the threshold, also for bootstrap resamples given
 * as per-item weights (how often each item was drawn).
 */
public final class ScoredSample {

    /** The figures of one sweep; NaN where undefined (no positives, no negatives, nothing flagged). */
    public record Summary(double auc, double eer, double precision, double recall, double f1, double accuracy) {
    }

    private final double[] score;
    private final boolean[] fake;
    private final boolean[] flagged;
    /** groupEnd[g]: one past the last index of tie group g. */
    private final int[] groupEnd;
    private final int[] fakeIndex;
    private final int[] realIndex;

    private ScoredSample(double[] score, boolean[] fake, boolean[] flagged) {
        this.score = score;
        this.fake = fake;
        this.flagged = flagged;
        List<Integer> ends = new ArrayList<>();
        for (int i = 1; i <= score.length; i++) {
            if (i == score.length || score[i] != score[i - 1]) {
                ends.add(i);
            }
        }
        this.groupEnd = ends.stream().mapToInt(Integer::intValue).toArray();
        int nf = 0;
        for (boolean f : fake) {
            nf += f ? 1 : 0;
        }
        fakeIndex = new int[nf];
        realIndex = new int[score.length - nf];
        for (int i = 0, a = 0, b = 0; i < score.length; i++) {
            if (fake[i]) {
                fakeIndex[a++] = i;
            } else {
                realIndex[b++] = i;
            }
        }
    }

    /** The applied observations of a row (the others are left out: they count against coverage, not accuracy). */
    public static ScoredSample of(List<Observation> observations) {
        List<Observation> applied = observations.stream().filter(Observation::applied)
                .sorted(Comparator.comparingDouble(Observation::score).reversed()).toList();
        double[] s = new double[applied.size()];
        boolean[] f = new boolean[s.length];
        boolean[] flag = new boolean[s.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = applied.get(i).score();
            f[i] = applied.get(i).label() == Label.FAKE;
            flag[i] = applied.get(i).flagged();
        }
        return new ScoredSample(s, f, flag);
    }

    /** Scores with their labels, flagged at or above {@code threshold}. */
    public static ScoredSample of(double[] scores, Label[] labels, double threshold) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException("scores and labels differ in length");
        }
        List<Observation> obs = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            obs.add(Observation.scored(labels[i], scores[i], scores[i] >= threshold, 0));
        }
        return of(obs);
    }

    public int size() {
        return score.length;
    }

    public int fakes() {
        return fakeIndex.length;
    }

    public int reals() {
        return realIndex.length;
    }

    int[] fakeIndex() {
        return fakeIndex;
    }

    int[] realIndex() {
        return realIndex;
    }

    /** The curve over all items (weight 1 each); empty when either class is missing. */
    public RocCurve roc() {
        if (fakes() == 0 || reals() == 0) {
            return new RocCurve(List.of());
        }
        double[] fpr = new double[groupEnd.length + 1];
        double[] tpr = new double[groupEnd.length + 1];
        sweep(null, fpr, tpr);
        List<RocCurve.Point> pts = new ArrayList<>();
        pts.add(new RocCurve.Point(Double.POSITIVE_INFINITY, 0, 0));
        for (int g = 0; g < groupEnd.length; g++) {
            pts.add(new RocCurve.Point(score[groupEnd[g] - 1], fpr[g + 1], tpr[g + 1]));
        }
        return new RocCurve(pts);
    }

    public Summary summary() {
        return summary(null);
    }

    /** The figures with each item counted {@code weights[i]} times (null: once). */
    Summary summary(int[] weights) {
        double[] fpr = new double[groupEnd.length + 1];
        double[] tpr = new double[groupEnd.length + 1];
        double[] c = sweep(weights, fpr, tpr);
        double tp = c[0], fp = c[1], p = c[2], n = c[3];
        boolean curve = p > 0 && n > 0;
        double auc = curve ? RocCurve.auc(fpr, tpr, fpr.length) : Double.NaN;
        double eer = curve ? RocCurve.eer(fpr, tpr, fpr.length) : Double.NaN;
        double precision = tp + fp > 0 ? tp / (tp + fp) : Double.NaN;
        double recall = p > 0 ? tp / p : Double.NaN;
        double f1 = tp > 0 ? 2 * tp / (2 * tp + fp + (p - tp)) : (p > 0 ? 0 : Double.NaN);
        double tn = n - fp;
        double accuracy = p + n > 0 ? (tp + tn) / (p + n) : Double.NaN;
        return new Summary(auc, eer, precision, recall, f1, accuracy);
    }

    /**
     * Fills the ROC arrays (index 0 is the origin, then one point per tie group) and returns the weighted counts
     * {true positives at the flag, false positives at the flag, positives, negatives}.
     */
    private double[] sweep(int[] weights, double[] fpr, double[] tpr) {
        double p = 0, n = 0, tpFlag = 0, fpFlag = 0;
        for (int i = 0; i < score.length; i++) {
            int w = weights == null ? 1 : weights[i];
            if (fake[i]) {
                p += w;
                tpFlag += flagged[i] ? w : 0;
            } else {
                n += w;
                fpFlag += flagged[i] ? w : 0;
            }
        }
        double tp = 0, fp = 0;
        int start = 0;
        fpr[0] = 0;
        tpr[0] = 0;
        for (int g = 0; g < groupEnd.length; g++) {
            for (int i = start; i < groupEnd[g]; i++) {
                int w = weights == null ? 1 : weights[i];
                if (fake[i]) {
                    tp += w;
                } else {
                    fp += w;
                }
            }
            start = groupEnd[g];
            fpr[g + 1] = n > 0 ? fp / n : 0;
            tpr[g + 1] = p > 0 ? tp / p : 0;
        }
        return new double[]{tpFlag, fpFlag, p, n};
    }

    @Override
    public String toString() {
        return "ScoredSample[" + fakes() + " fake, " + reals() + " real, scores " + Arrays.toString(
                Arrays.copyOf(score, Math.min(score.length, 5))) + (score.length > 5 ? "...]" : "]");
    }
}
