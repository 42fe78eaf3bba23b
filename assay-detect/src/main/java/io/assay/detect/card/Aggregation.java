package io.assay.detect.card;

import java.util.List;

/** How the scores of several video frames or audio windows become one. */
public enum Aggregation {
    /** The mean: robust to one odd frame. */
    MEAN,
    /** The maximum: a fake spliced into a real clip still scores high. */
    MAX;

    public double apply(List<Double> scores) {
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("no scores to aggregate");
        }
        return this == MAX
                ? scores.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                : scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
