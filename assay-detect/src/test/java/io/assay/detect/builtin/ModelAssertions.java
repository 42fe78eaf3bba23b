package io.assay.detect.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Checks that a committed model is what a fresh training run makes. */
public final class ModelAssertions {

    private ModelAssertions() {
    }

    /** Same features, and every mean, scale, weight and the bias within 1e-6. */
    public static void assertSameModel(LogisticModel stored, LogisticModel fresh) {
        assertThat(stored.features()).isEqualTo(fresh.features());
        for (int i = 0; i < stored.weights().length; i++) {
            assertThat(stored.weights()[i]).as("weight %d", i).isCloseTo(fresh.weights()[i], within(1e-6));
            assertThat(stored.mean()[i]).as("mean %d", i).isCloseTo(fresh.mean()[i], within(1e-6));
            assertThat(stored.scale()[i]).as("scale %d", i).isCloseTo(fresh.scale()[i], within(1e-6));
        }
        assertThat(stored.bias()).as("bias").isCloseTo(fresh.bias(), within(1e-6));
    }
}
