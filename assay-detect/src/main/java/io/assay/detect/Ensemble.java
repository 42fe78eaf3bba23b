package io.assay.detect;

import java.util.List;

/**
 * Turns the detectors' results on one input into one outcome: weighted votes, agreement, and whether the content
 * lies outside the detectors' competence.
 */
public interface Ensemble {

    EnsembleResult combine(List<DetectorResult> results, ContentProfile profile);

    /** Whether this detector's vote can count at all (content probes are only worth running for such detectors). */
    default boolean counts(DetectorInfo info) {
        return true;
    }
}
