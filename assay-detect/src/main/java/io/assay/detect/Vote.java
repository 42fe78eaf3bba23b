package io.assay.detect;

import java.util.Locale;

/** A detector's bucketed score. */
public enum Vote {
    /** Score at or above the high threshold: synthetic. */
    HIGH,
    /** Between the thresholds: the detector cannot tell. */
    UNCERTAIN,
    /** At or below the low threshold: authentic. */
    LOW,
    /** The detector does not apply (wrong kind, no face, no speech), failed, or ran out of time. */
    NOT_APPLICABLE;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
