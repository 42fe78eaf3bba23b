package io.assay.detect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The ensemble's outcome on one input.
 *
 * @param outcome   what the votes add up to
 * @param score     a combined score in 0..1 (weighted mean of the counted detectors' scores), NaN when none counted;
 *                  used for ROC curves and ordering, not for the decision
 * @param synthetic weighted votes for "synthetic"
 * @param authentic weighted votes for "authentic"
 * @param required  weighted votes one side needed to win
 * @param results   every detector's result, counted or not
 * @param reasons   one line per fact that shaped the outcome
 * @param notCounted detector id -> why its vote did not count (not applicable, not competent); counted ones are absent
 */
public record EnsembleResult(Outcome outcome, double score, double synthetic, double authentic, double required,
                             List<DetectorResult> results, List<String> reasons, Map<String, String> notCounted) {

    public EnsembleResult {
        Objects.requireNonNull(outcome, "outcome");
        results = List.copyOf(results);
        reasons = List.copyOf(reasons);
        notCounted = notCounted == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(notCounted));
    }

    /** A result that does not say which votes were left out. */
    public EnsembleResult(Outcome outcome, double score, double synthetic, double authentic, double required,
                          List<DetectorResult> results, List<String> reasons) {
        this(outcome, score, synthetic, authentic, required, results, reasons, Map.of());
    }

    /** Whether the detector's vote counted. */
    public boolean counted(String detectorId) {
        return !notCounted.containsKey(detectorId);
    }

    public enum Outcome {
        /** Enough weighted votes agree the content is synthetic. */
        SYNTHETIC,
        /** Enough weighted votes agree the content is authentic. */
        AUTHENTIC,
        /** A counted detector suspects the content (a high or uncertain vote) but the votes do not settle it: a person should look. */
        UNCERTAIN,
        /** No verdict: no vote counted, or every counted vote says authentic without reaching the requirement. */
        NOT_APPLICABLE;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
