package io.assay.index;

import java.util.HexFormat;

/**
 * A 256-bit hash (PDQ) as four 64-bit words. {@code w0} holds the first 16 hex digits of the usual 64-digit hex
 * form, {@code w3} the last 16. This record is only an API convenience: {@link HashIndex} stores hashes in flat
 * {@code long[]} arrays, never as objects.
 */
public record Hash256(long w0, long w1, long w2, long w3) {

    /** Parses 64 hex digits (either case; surrounding whitespace ignored). */
    public static Hash256 fromHex(String hex) {
        String s = hex.strip();
        if (s.length() != 64) {
            throw new IllegalArgumentException("a 256-bit hash needs 64 hex digits, got " + s.length());
        }
        return new Hash256(word(s, 0), word(s, 1), word(s, 2), word(s, 3));
    }

    private static long word(String s, int i) {
        return HexFormat.fromHexDigitsToLong(s, i * 16, i * 16 + 16);
    }

    /** The 64-digit lower-case hex form. */
    public String toHex() {
        HexFormat f = HexFormat.of();
        return f.toHexDigits(w0) + f.toHexDigits(w1) + f.toHexDigits(w2) + f.toHexDigits(w3);
    }

    /** Hamming distance (0..256). */
    public int distance(Hash256 o) {
        return Long.bitCount(w0 ^ o.w0) + Long.bitCount(w1 ^ o.w1) + Long.bitCount(w2 ^ o.w2) + Long.bitCount(w3 ^ o.w3);
    }

    /** Word {@code i} (0..3). */
    public long word(int i) {
        return switch (i) {
            case 0 -> w0;
            case 1 -> w1;
            case 2 -> w2;
            case 3 -> w3;
            default -> throw new IndexOutOfBoundsException(i);
        };
    }

    @Override
    public String toString() {
        return toHex();
    }
}
