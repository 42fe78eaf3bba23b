package io.assay.hash.audio;

/**
 * Chromaprint's fingerprint configurations. The id is the byte Chromaprint writes first in a compressed
 * fingerprint (its {@code CHROMAPRINT_ALGORITHM_*} value); Chromaprint and AcoustID call the default one "TEST2"
 * (algorithm 2 when counting from 1, id 1 on the wire). Only {@link #TEST2} can be computed here; the others are
 * recognised when parsing so that a foreign fingerprint is reported rather than misread.
 */
public enum ChromaprintAlgorithm {
    TEST1(0),
    /** Chromaprint's default (fpcalc, AcoustID): 16 classifiers trained on 60k eMusic pairs. */
    TEST2(1),
    TEST3(2),
    /** TEST2 with leading silence removed. */
    TEST4(3),
    /** TEST2 with frames twice as dense. */
    TEST5(4);

    private final int id;

    ChromaprintAlgorithm(int id) {
        this.id = id;
    }

    /** The value in the first byte of a compressed fingerprint. */
    public int id() {
        return id;
    }

    public static ChromaprintAlgorithm fromId(int id) {
        for (ChromaprintAlgorithm a : values()) {
            if (a.id == id) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown Chromaprint algorithm id " + id + " (0..4)");
    }
}
