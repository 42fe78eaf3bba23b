package io.assay.coord.detect;

/** Receives co-share pairs: two rows of one object, {@code earlier} first (ties: the earlier in the given order). */
@FunctionalInterface
public interface PairSink {
    void pair(int earlier, int later, long deltaMillis);
}
