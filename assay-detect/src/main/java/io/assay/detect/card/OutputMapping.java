package io.assay.detect.card;

/**
 * How the model's output becomes a "synthetic" score in 0..1: take output {@code name}, apply the activation over
 * its last dimension, and read the value at {@code fakeIndex}.
 */
public record OutputMapping(String name, int fakeIndex, Activation activation) {

    public enum Activation {
        /** The output already is a probability in 0..1; anything outside is an error. */
        NONE,
        /** The logistic function on the value at {@code fakeIndex}. */
        SIGMOID,
        /** Softmax over the last dimension, then the value at {@code fakeIndex}. */
        SOFTMAX
    }
}
