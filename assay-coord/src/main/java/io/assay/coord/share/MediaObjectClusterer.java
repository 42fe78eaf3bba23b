package io.assay.coord.share;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Groups uploads of the same media into one object: 256-bit perceptual hashes (PDQ, or a vPDQ/audio hash reduced to
 * 256 bits, as 64 hex digits) within a Hamming distance are one object, transitively (single linkage: a chain of
 * re-encodes stays one object). Candidates come from a pigeonhole index: two hashes within distance d &lt; 32 agree
 * exactly on at least one of their 32 bytes, so only hashes sharing a byte value at a position are compared.
 */
public final class MediaObjectClusterer {

    /** PDQ's usual match distance (out of 256 bits). */
    public static final int DEFAULT_DISTANCE = 31;

    private final int maxDistance;

    public MediaObjectClusterer(int maxDistance) {
        if (maxDistance < 0 || maxDistance > 31) {
            throw new IllegalArgumentException("distance must be 0..31 for the byte pigeonhole index: " + maxDistance);
        }
        this.maxDistance = maxDistance;
    }

    /** For each hash (64 hex digits), the index of the first hash of its cluster. */
    public int[] cluster(List<String> hexHashes) {
        int n = hexHashes.size();
        long[][] bits = new long[n][];
        for (int i = 0; i < n; i++) {
            bits[i] = parse(hexHashes.get(i));
        }
        UnionFind uf = new UnionFind(n);
        // 32 byte positions x 256 values -> the hashes seen so far with that byte there
        Map<Integer, List<Integer>> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            java.util.BitSet compared = new java.util.BitSet();
            for (int pos = 0; pos < 32; pos++) {
                int key = pos << 8 | byteAt(bits[i], pos);
                List<Integer> bucket = index.computeIfAbsent(key, k -> new ArrayList<>());
                for (int j : bucket) {
                    if (!compared.get(j)) {
                        compared.set(j);
                        if (distance(bits[i], bits[j]) <= maxDistance) {
                            uf.union(i, j);
                        }
                    }
                }
                bucket.add(i);
            }
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = uf.find(i);
        }
        return out;
    }

    static long[] parse(String hex) {
        String h = hex.trim().toLowerCase(Locale.ROOT);
        if (h.length() != 64) {
            throw new IllegalArgumentException("a 256-bit hash is 64 hex digits: '" + hex + "'");
        }
        long[] w = new long[4];
        for (int i = 0; i < 4; i++) {
            w[i] = Long.parseUnsignedLong(h.substring(i * 16, i * 16 + 16), 16);
        }
        return w;
    }

    private static int byteAt(long[] w, int pos) {
        return (int) (w[pos >> 3] >>> ((pos & 7) * 8)) & 0xff;
    }

    static int distance(long[] a, long[] b) {
        return Long.bitCount(a[0] ^ b[0]) + Long.bitCount(a[1] ^ b[1]) + Long.bitCount(a[2] ^ b[2]) + Long.bitCount(a[3] ^ b[3]);
    }
}
