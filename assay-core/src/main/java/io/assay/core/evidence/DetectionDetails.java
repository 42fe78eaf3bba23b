package io.assay.core.evidence;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The contract between a detector ensemble and the label policy: the {@link Evidence#details()} keys of a
 * {@link EvidenceKind#DETECTION} that carries an ensemble's outcome. The policy reads only {@link #OUTCOME}; the other
 * keys are for people and reports (they appear as they are in the verdict JSON). A DETECTION without
 * {@link #OUTCOME} is a plain detector score, weighed by its confidence against the policy's threshold.
 *
 * <p>Ensemble evidence: {@code confidence} is the combined score (0 when no detector counted), and
 * {@code details} holds:
 * <ul>
 *   <li>{@link #OUTCOME}: {@code synthetic}, {@code authentic}, {@code uncertain} or {@code not-applicable};</li>
 *   <li>{@link #SCORE}: the combined score, or null when no detector counted;</li>
 *   <li>{@link #REQUIRED}, {@link #SYNTHETIC_VOTES}, {@link #AUTHENTIC_VOTES}: the weighted tally;</li>
 *   <li>{@link #DETECTORS}: detector id -> a map of {@link #SCORE}, {@link #VOTE}, {@link #COUNTED},
 *   {@link #WHY_NOT_COUNTED}, {@link #MILLIS}, {@link #TRUSTED}, {@link #EXPERIMENTAL}, {@link #WEIGHT};</li>
 *   <li>{@link #CONTENT}: what the presence probes found (faces, speech, text, artwork), when they ran;</li>
 *   <li>{@link #REASONS}: the ensemble's reasons, one line per fact.</li>
 * </ul>
 */
public final class DetectionDetails {

    public static final String OUTCOME = "outcome";
    public static final String SCORE = "score";
    public static final String REQUIRED = "required";
    public static final String SYNTHETIC_VOTES = "syntheticVotes";
    public static final String AUTHENTIC_VOTES = "authenticVotes";
    public static final String DETECTORS = "detectors";
    public static final String CONTENT = "content";
    public static final String REASONS = "reasons";

    public static final String VOTE = "vote";
    public static final String COUNTED = "counted";
    public static final String WHY_NOT_COUNTED = "whyNotCounted";
    public static final String MILLIS = "millis";
    public static final String TRUSTED = "trusted";
    public static final String EXPERIMENTAL = "experimental";
    public static final String WEIGHT = "weight";

    private DetectionDetails() {
    }

    /** What an ensemble's weighted votes add up to. */
    public enum Outcome {
        SYNTHETIC, AUTHENTIC, UNCERTAIN, NOT_APPLICABLE;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Outcome> of(Object id) {
            for (Outcome o : values()) {
                if (o.id().equals(id)) {
                    return Optional.of(o);
                }
            }
            return Optional.empty();
        }
    }

    /** The ensemble outcome a DETECTION carries; empty for other evidence and for plain detector scores. */
    public static Optional<Outcome> outcome(Evidence e) {
        if (e.kind() != EvidenceKind.DETECTION || !e.details().containsKey(OUTCOME)) {
            return Optional.empty();
        }
        return Outcome.of(e.details().get(OUTCOME));
    }

    /** Whether the evidence is an ensemble's (it has an {@link #OUTCOME}, even one this version does not know). */
    public static boolean isEnsemble(Evidence e) {
        return e.kind() == EvidenceKind.DETECTION && e.details().containsKey(OUTCOME);
    }

    /** An ensemble's details map with the tally in the documented keys (callers add {@link #DETECTORS} etc.). */
    public static Map<String, Object> tally(Outcome outcome, Double score, double required, double synthetic, double authentic) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put(OUTCOME, outcome.id());
        m.put(SCORE, score);
        m.put(REQUIRED, required);
        m.put(SYNTHETIC_VOTES, synthetic);
        m.put(AUTHENTIC_VOTES, authentic);
        return m;
    }
}
