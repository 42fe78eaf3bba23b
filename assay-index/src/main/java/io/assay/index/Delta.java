package io.assay.index;

import java.util.Arrays;

/**
 * The mutable part of the index: the slots added since the last merge, in 16 tables of 16-bit substrings whose
 * buckets are small growable {@code int[]} arrays of slot numbers (element 0 is the count), plus the list of
 * its slots in insertion order. Entries are only appended; removed ones stay as tombstones (live bit clear)
 * until the next merge empties the delta.
 */
final class Delta {

    private static final Geometry G = Geometry.M16;
    private static final int KEYS = 1 << 16;

    private final int[][][] tables = new int[G.m][][];
    private int[] list = new int[64];
    private int count;

    Delta() {
        for (int t = 0; t < G.m; t++) {
            tables[t] = new int[KEYS][];
        }
    }

    int count() {
        return count;
    }

    void add(int slot, long[] hashes) {
        if (count == list.length) {
            list = Arrays.copyOf(list, count * 2);
        }
        list[count++] = slot;
        for (int t = 0; t < G.m; t++) {
            int k = G.key(hashes, 4 * slot, t);
            int[] b = tables[t][k];
            if (b == null) {
                b = new int[2];
                tables[t][k] = b;
            } else if (b[0] + 1 == b.length) {
                b = Arrays.copyOf(b, b.length * 2);
                tables[t][k] = b;
            }
            b[++b[0]] = slot;
        }
    }

    /** Streams every live delta entry within {@code r} of {@code q}, each once. */
    void search(long[] q, int r, long[] hashes, long[] ids, long[] live, boolean forceIndex, MatchSink sink) {
        if (count == 0) {
            return;
        }
        long q0 = q[0], q1 = q[1], q2 = q[2], q3 = q[3];
        if (!forceIndex && (r >= 256 || G.probes(r) * 4 >= Math.min(count, KEYS))) {
            for (int i = 0; i < count; i++) {
                int slot = list[i];
                int ho = 4 * slot;
                int d = Long.bitCount(hashes[ho] ^ q0) + Long.bitCount(hashes[ho + 1] ^ q1)
                        + Long.bitCount(hashes[ho + 2] ^ q2) + Long.bitCount(hashes[ho + 3] ^ q3);
                if (d <= r && (live[slot >>> 6] & (1L << slot)) != 0) {
                    sink.accept(ids[slot], d);
                }
            }
            return;
        }
        for (int t = 0; t < G.m; t++) {
            int rad = G.radius(r, t);
            if (rad < 0) {
                break;
            }
            int qk = G.key(q, 0, t);
            int[][] table = tables[t];
            for (int mask : Geometry.masks(16, rad)) {
                int[] b = table[qk ^ mask];
                if (b == null) {
                    continue;
                }
                for (int i = 1, n = b[0]; i <= n; i++) {
                    int slot = b[i];
                    int ho = 4 * slot;
                    int d = Long.bitCount(hashes[ho] ^ q0) + Long.bitCount(hashes[ho + 1] ^ q1)
                            + Long.bitCount(hashes[ho + 2] ^ q2) + Long.bitCount(hashes[ho + 3] ^ q3);
                    if (d <= r && (live[slot >>> 6] & (1L << slot)) != 0 && (t == 0 || !G.seenBefore(hashes, ho, q, t, r))) {
                        sink.accept(ids[slot], d);
                    }
                }
            }
        }
    }

    long estimatedBytes() {
        long bytes = HashIndex.arr(4L * G.m) + HashIndex.arr(4L * list.length);
        for (int[][] table : tables) {
            bytes += HashIndex.arr(4L * KEYS);
            for (int[] b : table) {
                if (b != null) {
                    bytes += HashIndex.arr(4L * b.length);
                }
            }
        }
        return bytes;
    }
}
