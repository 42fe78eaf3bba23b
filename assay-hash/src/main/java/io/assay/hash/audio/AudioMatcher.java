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
 * <p>Cost: one popcount per overlapping item per offset, about (2 x maxOffset + 1) x length operations; no
 * allocation beyond one int per item. Thread-safe.
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
        return compare(a.itemsView(), b.itemsView(), new int[Math.min(a.size(), b.size())]);
    }

    /**
     * Compares a query with every fingerprint of a bank and returns those that match, best (lowest window BER)
     * first. One query against 10,000 one-minute fingerprints takes about half a second on one core; split the
     * bank across threads for more.
     */
    public List<Hit> search(AudioFingerprint query, List<AudioFingerprint> bank) {
        Objects.requireNonNull(query, "query");
        int[] q = query.itemsView();
        int[] scratch = new int[q.length];
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < bank.size(); i++) {
            AudioComparison c = compare(q, bank.get(i).itemsView(), scratch);
            if (c.match()) {
                hits.add(new Hit(i, c));
            }
        }
        hits.sort(Comparator.comparingDouble((Hit h) -> h.comparison().windowBer()).thenComparingInt(Hit::index));
        return hits;
    }

    private AudioComparison compare(int[] a, int[] b, int[] errs) {
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
            long total = 0;
            for (int i = 0; i < n; i++) {
                int e = Integer.bitCount(a[a0 + i] ^ b[b0 + i]);
                errs[i] = e;
                total += e;
            }
            // errors/(32 n) < best/(32 bestN), compared without division so that ties resolve as in the script
            if (whole && (bestErrors < 0 || total * bestN < bestErrors * n)) {
                bestErrors = total;
                bestN = n;
                bestOffset = off;
            }
            if (windowed) {
                int s = 0;
                for (int i = 0; i < window; i++) {
                    s += errs[i];
                }
                int min = s;
                int minAt = 0;
                for (int i = window; i < n; i++) {
                    s += errs[i] - errs[i - window];
                    if (s < min) {
                        min = s;
                        minAt = i - window + 1;
                    }
                }
                if (!anyWindow || min < bestWindowErrors) {
                    anyWindow = true;
                    bestWindowErrors = min;
                    windowOffset = off;
                    windowStart = a0 + minAt;
                }
            }
        }
        double ber = bestErrors < 0 ? Double.NaN : bestErrors / (32.0 * bestN);
        double windowBer = anyWindow ? bestWindowErrors / (32.0 * window) : Double.NaN;
        boolean match = anyWindow && windowBer <= options.threshold();
        return new AudioComparison(ber, bestErrors < 0 ? 0 : bestOffset, bestErrors < 0 ? 0 : bestN, windowBer,
                windowOffset, windowStart, match);
    }
}
