package io.assay.index;

/**
 * The read-only part of the index: for each of the geometry's tables, the slot numbers of the entries it was
 * built from, sorted by that table's key (compressed sparse rows): bucket {@code k} of table {@code t} is
 * {@code slots[t][off[t][k] .. off[t][k+1]-1]}, in increasing slot order. Never modified after
 * {@link #build}; removed entries stay in it as tombstones (their live bit is clear) until the next merge
 * replaces it.
 */
final class Base {

    final Geometry g;
    final int n;
    private final int[][] off;
    private final int[][] slots;

    private Base(Geometry g, int n, int[][] off, int[][] slots) {
        this.g = g;
        this.n = n;
        this.off = off;
        this.slots = slots;
    }

    /** Indexes {@code members[0..n-1]} (slot numbers, increasing) whose hashes are at {@code hashes[4s..4s+3]}. */
    static Base build(Geometry g, long[] hashes, int[] members, int n) {
        int buckets = 1 << g.b;
        int[][] off = new int[g.m][];
        int[][] slots = new int[g.m][];
        int[] keys = new int[n];
        for (int t = 0; t < g.m; t++) {
            int[] o = new int[buckets + 1];
            for (int i = 0; i < n; i++) {
                int k = g.key(hashes, 4 * members[i], t);
                keys[i] = k;
                o[k + 1]++;
            }
            for (int k = 0; k < buckets; k++) {
                o[k + 1] += o[k];
            }
            int[] s = new int[n];
            // Place from the back so that each bucket ends up in increasing slot order without a cursor array.
            for (int i = n - 1; i >= 0; i--) {
                int k = keys[i];
                s[--o[k + 1]] = members[i];
            }
            // o[k + 1] now holds the start of bucket k; shift back to starts/ends.
            System.arraycopy(o, 1, o, 0, buckets);
            o[buckets] = n;
            off[t] = o;
            slots[t] = s;
        }
        return new Base(g, n, off, slots);
    }

    /** Per-thread scratch arrays for {@link #search}: bucket bounds and gathered candidates. */
    private static final ThreadLocal<int[][]> SCRATCH = ThreadLocal.withInitial(() -> new int[][] {new int[256], new int[1024]});

    /**
     * Streams every live entry within {@code r} of {@code q} (a 4-word array) to {@code sink}, each once: an
     * entry is reported from the first table whose probe set holds it.
     *
     * <p>Each table is searched in three tight loops whose memory reads do not depend on each other, so the CPU
     * overlaps their cache misses: read the bounds of every probed bucket, copy the buckets' slot numbers into
     * one candidate array, then verify the candidates against their full hashes.
     */
    void search(long[] q, int r, long[] hashes, long[] ids, long[] live, MatchSink sink) {
        long q0 = q[0], q1 = q[1], q2 = q[2], q3 = q[3];
        Geometry g = this.g;
        int[][] scratch = SCRATCH.get();
        for (int t = 0; t < g.m; t++) {
            int rad = g.radius(r, t);
            if (rad < 0) {
                break; // tables past a are probed at s - 1 = -1
            }
            int qk = g.key(q, 0, t);
            int[] masks = Geometry.masks(g.b, rad);
            int np = masks.length;
            int[] o = off[t];
            int[] s = slots[t];
            int[] bounds = scratch[0];
            if (bounds.length < 2 * np) {
                bounds = scratch[0] = new int[2 * np];
            }
            int total = 0;
            for (int i = 0; i < np; i++) {
                int k = qk ^ masks[i];
                int lo = o[k], hi = o[k + 1];
                bounds[2 * i] = lo;
                bounds[2 * i + 1] = hi;
                total += hi - lo;
            }
            int[] cand = scratch[1];
            if (cand.length < total) {
                cand = scratch[1] = new int[Math.max(total, cand.length * 2)];
            }
            int nc = 0;
            for (int i = 0; i < np; i++) {
                for (int j = bounds[2 * i], end = bounds[2 * i + 1]; j < end; j++) {
                    cand[nc++] = s[j]; // buckets hold a few entries: a plain loop beats System.arraycopy here
                }
            }
            for (int c = 0; c < nc; c++) {
                int slot = cand[c];
                int ho = 4 * slot;
                int d = Long.bitCount(hashes[ho] ^ q0) + Long.bitCount(hashes[ho + 1] ^ q1)
                        + Long.bitCount(hashes[ho + 2] ^ q2) + Long.bitCount(hashes[ho + 3] ^ q3);
                if (d <= r && (live[slot >>> 6] & (1L << slot)) != 0 && (t == 0 || !g.seenBefore(hashes, ho, q, t, r))) {
                    sink.accept(ids[slot], d);
                }
            }
        }
    }

    long estimatedBytes() {
        long bytes = HashIndex.arr(4L * g.m) * 2;
        for (int t = 0; t < g.m; t++) {
            bytes += HashIndex.arr(4L * off[t].length) + HashIndex.arr(4L * slots[t].length);
        }
        return bytes;
    }
}
