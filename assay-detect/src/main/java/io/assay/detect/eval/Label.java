package io.assay.detect.eval;

import java.util.Locale;
import java.util.Optional;

/** The ground truth of one dataset item: a "synthetic" score should be high for {@link #FAKE}. */
public enum Label {
    REAL,
    FAKE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code real}, {@code authentic} or {@code 0}; {@code fake}, {@code synthetic} or {@code 1} (any case). */
    public static Optional<Label> parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "real", "authentic", "0" -> Optional.of(REAL);
            case "fake", "synthetic", "1" -> Optional.of(FAKE);
            default -> Optional.empty();
        };
    }
}
