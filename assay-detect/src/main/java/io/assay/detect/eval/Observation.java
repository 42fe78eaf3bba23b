package io.assay.detect.eval;

/**
 * What one row of the report (a detector or the ensemble) said about one item.
 *
 * @param label   the item's truth
 * @param score   the "synthetic" score in 0..1, NaN when the row did not apply
 * @param flagged whether the row called it synthetic (a detector: score at or above its high threshold; the
 *                ensemble: outcome synthetic)
 * @param reason  why the row did not apply, null when it did
 * @param millis  time taken (for a detector; 0 for the ensemble)
 */
public record Observation(Label label, double score, boolean flagged, String reason, double millis) {

    public boolean applied() {
        return !Double.isNaN(score);
    }

    public static Observation scored(Label label, double score, boolean flagged, double millis) {
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("a scored observation needs a score");
        }
        return new Observation(label, score, flagged, null, millis);
    }

    public static Observation notApplicable(Label label, String reason, double millis) {
        return new Observation(label, Double.NaN, false, reason, millis);
    }
}
