package io.assay.hash.audio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Compares Chromaprint fingerprints by bit error rate (BER) over item offsets, exactly as the corpus' reference
 * script {@code compare_fp.py} does: for every offset in [-maxOffset, +maxOffset] the XOR popcount of the aligned
 * items gives the BER over the whole overlap (offsets with less than {@code minOverlap} items ignored) and, with a
 * sliding sum, the best run of {@code window} consecutive items. The window BER decides: it tolerates tempo
 * changes (the alignment drifts, so the whole-overlap BER of a 5% faster copy is 0.34) and partial overlaps.
 *
 * <p>Cost: two popcounts per overlapping item per offset, about 2 x (2 x maxOffset + 1) x length operations,
 * no allocation: about 110 us for two 375-item (49 s) fingerprints on one core. Thread-safe.
 */
public final class AudioMatcher {

    /**
     * @param maxOffset  largest shift tried, in items either way (120 = about 15 s)
     * @param minOverlap fewest overlapping items for the whole-overlap BER (40 = about 5 s)
     * @param window     items in the sliding window (64 = about 8 s)
     * @param threshold  match when the window BER is at or below this (0.25: variants of the corpus are at most
     *                   0.14, different messages at least 0.38; random audio is near 0.5)
     */
    public record Options(int maxOffset, int minOverlap, int window, double threshold) {
        public Options {
            if (maxOffset < 0) {
                throw new IllegalArgumentException("maxOffset must be >= 0");
            }
            if (minOverlap < 1 || window < 1) {
                throw new IllegalArgumentException("minOverlap and window must be >= 1");
            }
            if (!(threshold >= 0 && threshold <= 1)) {
                throw new IllegalArgumentException("threshold must be in [0, 1]");
            }
        }

        public static Options defaults() {
            return new Options(120, 40, 64, 0.25);
        }

        public Options withThreshold(double t) {
            return new Options(maxOffset, minOverlap, window, t);
        }
    }

    /** One bank entry that matched a query: its position in the bank and the comparison. */
    public record Hit(int index, AudioComparison comparison) {
    }

    private final Options options;

    public AudioMatcher() {
        this(Options.defaults());
    }

    public AudioMatcher(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public Options options() {
        return options;
    }

    public boolean matches(AudioFingerprint a, AudioFingerprint b) {
        return compare(a, b).match();
    }

    public AudioComparison compare(AudioFingerprint a, AudioFingerprint b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        return compare(a.itemsView(), b.itemsView());
    }

    /**
     * Compares a query with every fingerprint of a bank and returns those that match, best (lowest window BER)
     * first. One query against 10,000 fingerprints of 49 s takes about 0.75 s on one core; split the
     * bank across threads for more.
     */
    public List<Hit> search(AudioFingerprint query, List<AudioFingerprint> bank) {
        Objects.requireNonNull(query, "query");
        int[] q = query.itemsView();
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < bank.size(); i++) {
            AudioComparison c = compare(q, bank.get(i).itemsView());
            if (c.match()) {
                hits.add(new Hit(i, c));
            }
        }
        hits.sort(Comparator.comparingDouble((Hit h) -> h.comparison().windowBer()).thenComparingInt(Hit::index));
        return hits;
    }

    /** Index in a of the first window at this offset whose error count is {@code errors}. */
    private static int windowStart(int[] a, int[] b, int off, int window, int errors) {
        int a0 = Math.max(0, off);
        int b0 = Math.max(0, -off);
        int n = Math.min(a.length - a0, b.length - b0);
        int s = 0;
        for (int i = 0; i < window; i++) {
            s += Integer.bitCount(a[a0 + i] ^ b[b0 + i]);
        }
        for (int i = window; s != errors && i < n; i++) {
            s += Integer.bitCount(a[a0 + i] ^ b[b0 + i]) - Integer.bitCount(a[a0 + i - window] ^ b[b0 + i - window]);
            if (s == errors) {
                return a0 + i - window + 1;
            }
        }
        return a0;
    }

    private AudioComparison compare(int[] a, int[] b) {
        int window = options.window();
        long bestErrors = -1;
        int bestN = 0;
        int bestOffset = 0;
        int bestWindowErrors = Integer.MAX_VALUE;
        int windowOffset = 0;
        int windowStart = 0;
        boolean anyWindow = false;
        for (int off = -options.maxOffset(); off <= options.maxOffset(); off++) {
            int a0 = Math.max(0, off);
            int b0 = Math.max(0, -off);
            int n = Math.min(a.length - a0, b.length - b0);
            boolean whole = n >= options.minOverlap();
            boolean windowed = n >= window;
            if (!whole && !windowed) {
                continue;
            }
            // One pass: per-item errors, their total, and the sliding window sum with its minimum.
            long total = 0;
            int s = 0;
            int min = Integer.MAX_VALUE;
            int head = Math.min(n, window);
            for (int i = 0; i < head; i++) {
                s += Integer.bitCount(a[a0 + i] ^ b[b0 + i]);
            }
            if (windowed) {
                min = s;
            }
            for (int i = head; i < n; i++) {
                // recounting the item leaving the window is cheaper than storing and reloading its count
                int out = Integer.bitCount(a[a0 + i - window] ^ b[b0 + i - window]);
                s += Integer.bitCount(a[a0 + i] ^ b[b0 + i]) - out;
                total += out;
                min = Math.min(min, s); // branch-free; where the minimum lies is found again below, once
            }
            total += s; // the last min(n, window) items
            // errors/(32 n) < best/(32 bestN), compared without division so that ties resolve as in the script
            if (whole && (bestErrors < 0 || total * bestN < bestErrors * n)) {
                bestErrors = total;
                bestN = n;
                bestOffset = off;
            }
            if (windowed && (!anyWindow || min < bestWindowErrors)) {
                anyWindow = true;
                bestWindowErrors = min;
                windowOffset = off;
            }
        }
        if (anyWindow) {
            windowStart = windowStart(a, b, windowOffset, window, bestWindowErrors);
        }
        double ber = bestErrors < 0 ? Double.NaN : bestErrors / (32.0 * bestN);
        double windowBer = anyWindow ? bestWindowErrors / (32.0 * window) : Double.NaN;
        boolean match = anyWindow && windowBer <= options.threshold();
        return new AudioComparison(ber, bestErrors < 0 ? 0 : bestOffset, bestErrors < 0 ? 0 : bestN, windowBer,
                windowOffset, windowStart, match);
    }
}
