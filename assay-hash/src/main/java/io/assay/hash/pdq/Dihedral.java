package io.assay.hash.pdq;

/**
 * The 8 symmetries of the square (rotations and flips). Each turns the DCT coefficients of an image into those of
 * its transformed copy by transposing and changing signs, so one DCT yields all 8 hashes: a rotated or mirrored
 * re-upload is found by comparing its hash with the banked image's 8.
 */
public enum Dihedral {
    ORIGINAL("orig", false) {
        @Override boolean negate(int i, int j) { return false; }
    },
    ROTATE_90("rot90", true) {
        @Override boolean negate(int i, int j) { return (j & 1) == 0; }
    },
    ROTATE_180("rot180", false) {
        @Override boolean negate(int i, int j) { return ((i + j) & 1) == 1; }
    },
    ROTATE_270("rot270", true) {
        @Override boolean negate(int i, int j) { return (i & 1) == 0; }
    },
    FLIP_X("flipx", false) {
        @Override boolean negate(int i, int j) { return (i & 1) == 0; }
    },
    FLIP_Y("flipy", false) {
        @Override boolean negate(int i, int j) { return (j & 1) == 0; }
    },
    FLIP_PLUS_1("flipplus1", true) {
        @Override boolean negate(int i, int j) { return false; }
    },
    FLIP_MINUS_1("flipminus1", true) {
        @Override boolean negate(int i, int j) { return ((i + j) & 1) == 1; }
    };

    private final String id;
    private final boolean transpose;

    Dihedral(String id, boolean transpose) {
        this.id = id;
        this.transpose = transpose;
    }

    public String id() {
        return id;
    }

    /**
     * Basis function k of the DCT is odd or even about the centre as k is even or odd (the basis starts at
     * frequency 1), so mirroring an axis negates the coefficients of even index along it.
     */
    abstract boolean negate(int i, int j);

    void transform(float[] in, float[] out) {
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                float v = negate(i, j) ? -in[i * 16 + j] : in[i * 16 + j];
                out[transpose ? j * 16 + i : i * 16 + j] = v;
            }
        }
    }
}
