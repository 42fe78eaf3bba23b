package io.assay.hash;

import java.util.Locale;

/**
 * The kinds of perceptual signal Assay computes and exchanges. The id is the stable name used in banks, in the
 * HTTP API and in the CLI ({@code assay hash --type pdq}); it follows HMA's signal type names where one exists.
 */
public enum SignalType {
    /** PDQ: 256-bit image hash (Meta), compared by Hamming distance. */
    PDQ("pdq"),
    /** vPDQ: one PDQ hash per sampled video frame, compared by the share of unique frames that match. */
    VPDQ("vpdq"),
    /** Chromaprint: 32-bit sub-fingerprints of audio (AcoustID), compared by bit error rate over offsets. */
    CHROMAPRINT("chromaprint");

    private final String id;

    SignalType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static SignalType parse(String id) {
        String s = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (SignalType t : values()) {
            if (t.id.equals(s)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown signal type '" + id + "' (pdq, vpdq, chromaprint)");
    }

    @Override
    public String toString() {
        return id;
    }
}
