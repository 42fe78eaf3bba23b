package io.assay.hash.pdq;

import io.assay.index.Hash256;

/**
 * A PDQ hash: 256 bits and the quality (0..100) of the image it came from. The bits are four 64-bit words;
 * {@code w0} holds the first 16 hex digits of the usual 64-digit form, which is how the C++ reference, HMA and
 * ThreatExchange print PDQ hashes (bit {@code k} of the 16x16 DCT sign matrix, row-major, is bit {@code k % 64}
 * of word {@code 3 - k / 64}).
 */
public record PdqHash(long w0, long w1, long w2, long w3, int quality) {

    public PdqHash {
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("PDQ quality must be within 0..100: " + quality);
        }
    }

    /** Parses 64 hex digits (either case, surrounding whitespace ignored). */
    public static PdqHash fromHex(String hex, int quality) {
        String s = hex == null ? "" : hex.strip();
        if (s.length() != 64 || !s.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("a PDQ hash is 64 hex digits, got '" + abbreviate(s) + "'");
        }
        Hash256 h = Hash256.fromHex(s);
        return new PdqHash(h.w0(), h.w1(), h.w2(), h.w3(), quality);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /** Builds a hash from its 256 bits, bit {@code k} = DCT coefficient {@code k} (row-major) above the median. */
    static PdqHash fromBits(boolean[] bits, int quality) {
        long[] w = new long[4];
        for (int k = 0; k < 256; k++) {
            if (bits[k]) {
                w[3 - (k >> 6)] |= 1L << (k & 63);
            }
        }
        return new PdqHash(w[0], w[1], w[2], w[3], quality);
    }

    /** The 256 bits alone, as the index stores them. */
    public Hash256 bits() {
        return new Hash256(w0, w1, w2, w3);
    }

    /** The 64-digit lower-case hex form. */
    public String toHex() {
        return bits().toHex();
    }

    /** Hamming distance to another hash (0..256); quality plays no part. */
    public int distance(PdqHash o) {
        return bits().distance(o.bits());
    }

    @Override
    public String toString() {
        return toHex() + " q" + quality;
    }
}
