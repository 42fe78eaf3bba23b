package io.assay.detect.eval;

import java.util.Map;

/**
 * One line of the report: a detector (or the ensemble) under one condition.
 *
 * @param row           the detector's id, or {@link Evaluation#ENSEMBLE_ROW}
 * @param condition     the condition
 * @param items         the condition's items (those of the kinds it covers)
 * @param applied       the items the row scored; the rest did not apply and are left out of the figures
 * @param fakes         applied fake items
 * @param reals         applied real items
 * @param flagRule      what "flagged as synthetic" means for this row ({@code score >= 0.70}, {@code outcome synthetic})
 * @param auc           area under the ROC curve
 * @param eer           equal error rate
 * @param precision     precision of the flag
 * @param recall        recall of the flag
 * @param f1            F1 of the flag (point estimate only)
 * @param accuracy      accuracy of the flag (point estimate only)
 * @param roc           the ROC curve (empty when a class is missing)
 * @param meanMillis    mean time per item the row was run on (NaN when none; 0 for the ensemble)
 * @param notApplicable why it did not apply, with counts (most frequent first, at most a few reasons)
 */
public record RowMetrics(String row, Condition condition, int items, int applied, int fakes, int reals,
                         String flagRule, Estimate auc, Estimate eer, Estimate precision, Estimate recall,
                         double f1, double accuracy, RocCurve roc, double meanMillis, Map<String, Integer> notApplicable) {

    public RowMetrics {
        notApplicable = Map.copyOf(notApplicable);
    }

    /** Share of the condition's items the row scored. */
    public double coverage() {
        return items == 0 ? Double.NaN : applied / (double) items;
    }

    public boolean isEnsemble() {
        return Evaluation.ENSEMBLE_ROW.equals(row);
    }
}
