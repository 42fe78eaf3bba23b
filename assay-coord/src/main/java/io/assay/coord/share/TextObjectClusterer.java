package io.assay.coord.share;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Near-duplicate texts as one object: MinHash signatures over word 3-shingles of the normalised text (case, accents,
 * punctuation, URLs and @mentions removed), LSH banding to find candidates, and a candidate pair joined when its
 * estimated Jaccard similarity reaches the threshold (transitively).
 */
public final class TextObjectClusterer {

    static final int HASHES = 128;
    static final int BANDS = 32;
    static final int ROWS = HASHES / BANDS;
    static final int MAX_CHARS = 20_000;
    /** Estimated Jaccard similarity of the word 3-shingles at which two texts are one object. */
    public static final double DEFAULT_THRESHOLD = 0.7;

    private final double threshold;
    private final long[] seedA = new long[HASHES];
    private final long[] seedB = new long[HASHES];

    public TextObjectClusterer(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1]");
        }
        this.threshold = threshold;
        java.util.SplittableRandom r = new java.util.SplittableRandom(0x5EED);
        for (int i = 0; i < HASHES; i++) {
            seedA[i] = r.nextLong() | 1;
            seedB[i] = r.nextLong();
        }
    }

    /** For each text, the index of the first text of its cluster. */
    public int[] cluster(List<String> texts) {
        int n = texts.size();
        long[][] sig = new long[n][];
        for (int i = 0; i < n; i++) {
            sig[i] = signature(texts.get(i));
        }
        UnionFind uf = new UnionFind(n);
        for (int band = 0; band < BANDS; band++) {
            Map<Long, Integer> firstInBucket = new HashMap<>();
            for (int i = 0; i < n; i++) {
                if (sig[i] == null) {
                    continue;
                }
                long h = band;
                for (int r = 0; r < ROWS; r++) {
                    h = h * 0x100000001B3L ^ sig[i][band * ROWS + r];
                }
                Integer j = firstInBucket.putIfAbsent(h, i);
                if (j != null && uf.find(i) != uf.find(j) && similarity(sig[i], sig[j]) >= threshold) {
                    uf.union(i, j);
                }
            }
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = uf.find(i);
        }
        return out;
    }

    /** The fraction of equal MinHash values: an estimate of the shingle sets' Jaccard similarity. */
    static double similarity(long[] a, long[] b) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / HASHES;
    }

    /** The MinHash signature, or null for a text without words (which matches nothing). */
    long[] signature(String text) {
        Set<Long> shingles = shingles(text);
        if (shingles.isEmpty()) {
            return null;
        }
        long[] sig = new long[HASHES];
        java.util.Arrays.fill(sig, Long.MAX_VALUE);
        for (long s : shingles) {
            for (int i = 0; i < HASHES; i++) {
                long h = mix(s * seedA[i] + seedB[i]);
                if (h < sig[i]) {
                    sig[i] = h;
                }
            }
        }
        return sig;
    }

    static Set<Long> shingles(String text) {
        String t = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        t = Normalizer.normalize(t.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .replaceAll("https?://\\S+|@\\w+", " ").replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        String[] w = t.isEmpty() ? new String[0] : t.split(" ");
        Set<Long> out = new HashSet<>();
        int k = Math.min(3, w.length);
        for (int i = 0; i + k <= w.length && k > 0; i++) {
            long h = 0xcbf29ce484222325L;
            for (int j = i; j < i + k; j++) {
                for (byte b : w[j].getBytes(StandardCharsets.UTF_8)) {
                    h = (h ^ b) * 0x100000001B3L;
                }
                h = (h ^ ' ') * 0x100000001B3L;
            }
            out.add(h);
        }
        return out;
    }

    private static long mix(long z) {
        z = (z ^ z >>> 33) * 0xff51afd7ed558ccdL;
        z = (z ^ z >>> 33) * 0xc4ceb93e653d5b1aL;
        return z ^ z >>> 33;
    }
}
