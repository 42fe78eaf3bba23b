package io.assay.detect.onnx;

import io.assay.detect.card.OutputMapping;

/**
 * Reads a "synthetic" score in 0..1 from a model's output values (the last dimension of a batch of one), as the
 * card's output mapping says.
 */
public final class ScoreMapper {

    private final OutputMapping mapping;

    public ScoreMapper(OutputMapping mapping) {
        this.mapping = mapping;
    }

    /** @throws IllegalStateException when the output is too short, not finite, or not a probability */
    public double score(float[] values) {
        int i = mapping.fakeIndex();
        if (i >= values.length) {
            throw new IllegalStateException("model output '" + mapping.name() + "' has " + values.length
                    + " values, no index " + i);
        }
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new IllegalStateException("model output '" + mapping.name() + "' is not a finite number: " + v);
            }
        }
        double score = switch (mapping.activation()) {
            case NONE -> values[i];
            case SIGMOID -> 1 / (1 + Math.exp(-values[i]));
            case SOFTMAX -> softmax(values, i);
        };
        if (score < 0 || score > 1) {
            throw new IllegalStateException("model output '" + mapping.name() + "' value " + score
                    + " is not a probability in 0..1 (the card's activation is none)");
        }
        return score;
    }

    private static double softmax(float[] v, int i) {
        double max = Double.NEGATIVE_INFINITY;
        for (float f : v) {
            max = Math.max(max, f);
        }
        double sum = 0;
        for (float f : v) {
            sum += Math.exp(f - max);
        }
        return Math.exp(v[i] - max) / sum;
    }
}
