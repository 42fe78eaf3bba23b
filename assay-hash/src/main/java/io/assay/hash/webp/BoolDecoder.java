package io.assay.hash.webp;

/**
 * The VP8 boolean entropy decoder (RFC 6386, section 7), over one partition of a byte array.
 *
 * <p>The state is kept the way libwebp keeps it, so that reads past the end of the partition behave the same:
 * {@code range} holds the interval size minus one, {@code value} a window of not-yet-consumed bits of which
 * {@code bits} + 8 are significant. When the partition is exhausted, zero bytes are fed once and
 * {@link #eof()} becomes true; callers check it after a macroblock or a row and refuse the image.
 */
final class BoolDecoder {

    private final byte[] buf;
    private int pos;
    private final int end;
    /** Bulk loads of 7 bytes are done while at least 8 bytes remain (as libwebp's 64-bit reader). */
    private final int bulkEnd;
    private long value;
    private int range;
    private int bits;
    private boolean eof;

    BoolDecoder(byte[] buf, int start, int size) {
        if (start < 0 || size < 0 || start > buf.length - size) {
            throw new IllegalArgumentException("partition out of bounds");
        }
        this.buf = buf;
        this.pos = start;
        this.end = start + size;
        this.bulkEnd = size >= 8 ? end - 8 + 1 : start;
        this.range = 255 - 1;
        this.value = 0;
        this.bits = -8;
        this.eof = false;
        loadNewBytes();
    }

    boolean eof() {
        return eof;
    }

    private void loadNewBytes() {
        if (pos < bulkEnd) {
            byte[] b = buf;
            int p = pos;
            long in = ((long) (b[p] & 0xFF) << 48) | ((long) (b[p + 1] & 0xFF) << 40) | ((long) (b[p + 2] & 0xFF) << 32)
                    | ((long) (b[p + 3] & 0xFF) << 24) | ((b[p + 4] & 0xFF) << 16) | ((b[p + 5] & 0xFF) << 8)
                    | (b[p + 6] & 0xFF);
            pos = p + 7;
            value = in | (value << 56);
            bits += 56;
        } else {
            loadFinalBytes();
        }
    }

    private void loadFinalBytes() {
        if (pos < end) {
            bits += 8;
            value = (buf[pos++] & 0xFF) | (value << 8);
        } else if (!eof) {
            value <<= 8;
            bits += 8;
            eof = true;
        } else {
            bits = 0; // keeps the shifts defined; the caller refuses the data anyway
        }
    }

    /** One bool whose probability of being 0 is {@code prob}/256. */
    int getBit(int prob) {
        int r = range;
        if (bits < 0) {
            loadNewBytes();
        }
        int p = bits;
        int split = (r * prob) >>> 8;
        int v = (int) (value >>> p);
        int bit;
        if (v > split) {
            r -= split;
            value -= (long) (split + 1) << p;
            bit = 1;
        } else {
            r = split + 1;
            bit = 0;
        }
        int shift = 7 ^ (31 - Integer.numberOfLeadingZeros(r));
        r <<= shift;
        bits -= shift;
        range = r - 1;
        return bit;
    }

    /** {@code v} or {@code -v}, the sign read as an even-probability bool (libwebp's exact arithmetic). */
    int getSigned(int v) {
        if (bits < 0) {
            loadNewBytes();
        }
        int p = bits;
        int split = range >>> 1;
        int val = (int) (value >>> p);
        int mask = (split - val) >> 31; // -1 when the bit is 1
        bits -= 1;
        range = (range + mask) | 1;
        value -= (long) ((split + 1) & mask) << p;
        return (v ^ mask) - mask;
    }

    /** An unsigned literal of {@code n} bits, most significant first. */
    int getValue(int n) {
        int v = 0;
        while (n-- > 0) {
            v |= getBit(0x80) << n;
        }
        return v;
    }

    /** A flag. */
    boolean getFlag() {
        return getBit(0x80) != 0;
    }

    /** A magnitude of {@code n} bits followed by a sign flag. */
    int getSignedValue(int n) {
        int v = getValue(n);
        return getFlag() ? -v : v;
    }
}
