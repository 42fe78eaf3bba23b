package io.assay.detect;

/**
 * One source of a "synthetic" score: an ONNX model described by a model card, or a built-in signal. A detector
 * only scores; the {@link Ensemble} turns scores into votes and the label policy alone decides a label.
 *
 * <p>Implementations are thread-safe (one instance serves concurrent scans) and may be interrupted when their time
 * budget runs out.
 */
public interface Detector {

    /** Who the detector is, what it looks at and how its score is read. */
    DetectorInfo info();

    /**
     * Scores the input, or says why it cannot ({@link DetectorOutcome.NotApplicable}: wrong media kind, no face, too
     * short). Throwing is reported as "not applicable" with the reason, never as a score.
     */
    DetectorOutcome detect(DetectorInput input) throws Exception;
}
