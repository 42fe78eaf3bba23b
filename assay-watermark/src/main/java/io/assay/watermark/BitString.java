package io.assay.watermark;

import java.util.Arrays;
import java.util.HexFormat;

/** An immutable string of bits, first bit first (the order in which both schemes lay them out). */
public final class BitString {

    private final boolean[] bits;

    private BitString(boolean[] bits) {
        this.bits = bits;
    }

    public static BitString of(boolean... bits) {
        return new BitString(bits.clone());
    }

    /** The bits of the bytes, most significant bit of each byte first (numpy's {@code unpackbits}). */
    public static BitString fromBytes(byte[] bytes) {
        boolean[] b = new boolean[bytes.length * 8];
        for (int i = 0; i < b.length; i++) {
            b[i] = (bytes[i / 8] >> (7 - i % 8) & 1) != 0;
        }
        return new BitString(b);
    }

    /** The lowest {@code length} bits of {@code value}, most significant first. */
    public static BitString fromLong(long value, int length) {
        if (length < 1 || length > 64) {
            throw new IllegalArgumentException("length must be 1..64: " + length);
        }
        boolean[] b = new boolean[length];
        for (int i = 0; i < length; i++) {
            b[i] = (value >>> (length - 1 - i) & 1) != 0;
        }
        return new BitString(b);
    }

    /** Parses a string of {@code 0} and {@code 1}. */
    public static BitString fromBinary(String s) {
        boolean[] b = new boolean[s.length()];
        for (int i = 0; i < b.length; i++) {
            char c = s.charAt(i);
            if (c != '0' && c != '1') {
                throw new IllegalArgumentException("not a binary digit at " + i + ": '" + c + "'");
            }
            b[i] = c == '1';
        }
        return new BitString(b);
    }

    public int length() {
        return bits.length;
    }

    public boolean get(int i) {
        return bits[i];
    }

    public boolean[] toArray() {
        return bits.clone();
    }

    /** Number of positions where the two differ; both must have the same length. */
    public int distance(BitString other) {
        if (other.bits.length != bits.length) {
            throw new IllegalArgumentException("lengths differ: " + bits.length + " and " + other.bits.length);
        }
        int d = 0;
        for (int i = 0; i < bits.length; i++) {
            if (bits[i] != other.bits[i]) {
                d++;
            }
        }
        return d;
    }

    /** The bits packed into bytes, most significant first, the last byte padded with zeros. */
    public byte[] toBytes() {
        byte[] out = new byte[(bits.length + 7) / 8];
        for (int i = 0; i < bits.length; i++) {
            if (bits[i]) {
                out[i / 8] |= (byte) (0x80 >>> (i % 8));
            }
        }
        return out;
    }

    /** Hexadecimal of {@link #toBytes()}. */
    public String toHex() {
        return HexFormat.of().formatHex(toBytes());
    }

    public String toBinary() {
        StringBuilder sb = new StringBuilder(bits.length);
        for (boolean b : bits) {
            sb.append(b ? '1' : '0');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BitString other && Arrays.equals(bits, other.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }

    @Override
    public String toString() {
        return toBinary();
    }
}
