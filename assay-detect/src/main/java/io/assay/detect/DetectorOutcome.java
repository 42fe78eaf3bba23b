package io.assay.detect;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What one detector said about one input. */
public sealed interface DetectorOutcome {

    /** A "synthetic" score in 0..1 (1: surely synthetic), with machine-readable particulars. */
    record Scored(double score, Map<String, Object> details) implements DetectorOutcome {
        public Scored {
            if (Double.isNaN(score) || score < 0 || score > 1) {
                throw new IllegalArgumentException("score must be within 0..1: " + score);
            }
            details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
        }

        public static Scored of(double score) {
            return new Scored(score, Map.of());
        }
    }

    /** The detector has nothing to say, and why (a user-safe sentence). */
    record NotApplicable(String reason) implements DetectorOutcome {
        public NotApplicable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
