package io.assay.detect;

import java.util.List;

/**
 * Turns the detectors' results on one input into one outcome: weighted votes, agreement, and whether the content
 * lies outside the detectors' competence.
 */
public interface Ensemble {

    EnsembleResult combine(List<DetectorResult> results, ContentProfile profile);
}
