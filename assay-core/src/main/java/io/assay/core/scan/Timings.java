package io.assay.core.scan;

import java.util.Map;

/** Wall-clock milliseconds: the whole scan, and each analyzer (analyzers run in parallel). */
public record Timings(double totalMillis, Map<String, Double> analyzersMillis) {

    public Timings {
        analyzersMillis = Map.copyOf(analyzersMillis);
    }
}
