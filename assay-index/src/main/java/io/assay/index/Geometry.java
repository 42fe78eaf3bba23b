package io.assay.index;

import java.util.concurrent.ConcurrentHashMap;

/**
 * How the 256 bits are cut for multi-index hashing: {@code m} disjoint substrings of {@code b} bits each,
 * substring {@code t} being bits {@code t*b .. t*b+b-1} (bit {@code i} is bit {@code i % 64} of word
 * {@code i / 64}); when {@code m*b < 256} the last bits are in no substring, which keeps the search exact
 * (the pigeonhole argument only needs the substrings to be disjoint) and only weakens the filter.
 *
 * <p>For a radius {@code r = s*m + a} ({@code 0 <= a < m}) table {@code t} is probed within {@code s} bits when
 * {@code t <= a} and within {@code s - 1} bits otherwise: a hash within {@code r} of the query is within that
 * per-table radius on at least one table, since otherwise its distance would be at least
 * {@code (a+1)(s+1) + (m-a-1)s = r+1}.
 */
final class Geometry {

    /** The 16 x 16-bit cut (ThreatExchange's {@code mih}, faiss's HMA setting); used for the mutable delta. */
    static final Geometry M16 = new Geometry(16, 16);

    final int m;
    final int b;
    final int keyMask;

    Geometry(int m, int b) {
        if (m < 1 || b < 1 || b > 24 || m * b > 256) {
            throw new IllegalArgumentException("bad geometry: " + m + " x " + b);
        }
        this.m = m;
        this.b = b;
        this.keyMask = (1 << b) - 1;
    }

    /**
     * The cut for a read-only base of {@code n} entries. Wider keys mean fewer candidates per probe but more
     * probes and a directly addressed offset array of {@code 2^b} ints per table (4 MiB per table at 20 bits,
     * 8 MiB at 21, 16 MiB at 22). Measured at 1M and 10M (README): 12 x 20 beats 16 x 16 at 1M, 12 x 21 and
     * 11 x 22 are about even at 10M.
     */
    static Geometry forSize(int n) {
        if (n < 400_000) {
            return M16;
        }
        if (n < 3_000_000) {
            return new Geometry(12, 20);
        }
        return n < 16_000_000 ? new Geometry(12, 21) : new Geometry(11, 22);
    }

    /** Substring {@code t} of the hash at {@code h[o..o+3]}. */
    int key(long[] h, int o, int t) {
        int bit = t * b;
        int w = bit >>> 6, sh = bit & 63;
        long v = h[o + w] >>> sh;
        if (sh + b > 64) {
            v |= h[o + w + 1] << (64 - sh);
        }
        return (int) v & keyMask;
    }

    /** The per-table probe radius of table {@code t} at search radius {@code r} (negative: not probed). */
    int radius(int r, int t) {
        int s = r / m, a = r % m;
        return t <= a ? s : s - 1;
    }

    /** Number of probes (keys visited, over all tables) at radius {@code r}; saturates at Long.MAX_VALUE / 4. */
    long probes(int r) {
        long total = 0;
        for (int t = 0; t < m; t++) {
            int rad = radius(r, t);
            if (rad >= 0) {
                total += ballSize(b, Math.min(rad, b));
            }
        }
        return total;
    }

    /** Whether a hash whose substrings are {@code keys(h)} was within its probe radius on a table before {@code t}. */
    boolean seenBefore(long[] h, int ho, long[] q, int t, int r) {
        for (int j = 0; j < t; j++) {
            int rad = radius(r, j);
            if (rad >= 0 && Integer.bitCount(key(h, ho, j) ^ key(q, 0, j)) <= rad) {
                return true;
            }
        }
        return false;
    }

    static long ballSize(int b, int rad) {
        long sum = 0, c = 1;
        for (int k = 0; k <= rad; k++) {
            sum += c;
            c = c * (b - k) / (k + 1);
        }
        return sum;
    }

    private static final ConcurrentHashMap<Integer, int[]> MASKS = new ConcurrentHashMap<>();

    /** Every {@code b}-bit mask of popcount {@code <= rad}, by popcount. */
    static int[] masks(int b, int rad) {
        int k = Math.min(rad, b);
        return MASKS.computeIfAbsent(b * 64 + k, x -> {
            int[] out = new int[(int) ballSize(b, k)];
            int n = 0;
            out[n++] = 0;
            for (int pc = 1; pc <= k; pc++) {
                long v = (1L << pc) - 1;
                while (v < (1L << b)) {
                    out[n++] = (int) v;
                    long c = v & -v, rr = v + c;
                    v = (((rr ^ v) >>> 2) / c) | rr; // Gosper's hack: next value with the same popcount
                }
            }
            return out;
        });
    }

    @Override
    public String toString() {
        return m + "x" + b;
    }
}
