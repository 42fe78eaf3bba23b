package io.assay.hash.video;

import io.assay.hash.pdq.PdqHash;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares vPDQ hashes the way upstream describes it: videos are bags of frame hashes (order, frame numbers and
 * timestamps play no part); frames below a PDQ quality are left out; a frame of one video is matched when some frame
 * of the other lies within a Hamming distance; the query percentage is the share of query frames matched, the target
 * percentage the share of target frames matched; a match needs both percentages at their thresholds.
 *
 * <p>Upstream has three variants, all available through {@link Options}:
 * <ul>
 *   <li>{@link Options#defaults()}: the algorithm of upstream's {@code vpdq/README.md}: <em>unique</em> hashes
 *   (identical hashes counted once), quality &ge; 50, distance &le; 31, match when target &ge; 80 % (P<sub>c</sub>)
 *   and query &ge; 0 % (P<sub>q</sub>);</li>
 *   <li>{@link Options#hma()}: python-threatexchange / HMA's {@code VPDQSignal.compare_hash}: the same counting,
 *   but the 80 % applies to the <em>query</em> ({@code VPDQ_QUERY_MATCH_THRESHOLD_PERCENT}) and 0 % to the
 *   indexed video;</li>
 *   <li>{@link Options#matchHashesBrute(int, int)}: the C++ tool {@code match-hashes-brute}: every frame counted
 *   (no de-duplication) and the distance strictly below the tolerance given.</li>
 * </ul>
 * On the shared corpus the three give the same decisions; percentages differ by up to 2.3 points.
 *
 * <p>Matching one query against many banked videos: {@link #prepare} each banked hash once (quality filter,
 * de-duplication, the 256 bits packed in one {@code long[]}), then {@link #search} compares the query with each
 * by brute force ({@code Long.bitCount} on 4 words per pair). The direction with a threshold is counted first and
 * abandoned as soon as the threshold is out of reach, so non-matching videos cost a fraction of
 * {@code |Q| x |T|} distance computations: about 0.1 to 1 ms per banked video of a few hundred frames. A frame-level
 * index (assay-index's HashIndex) would prune candidates for very large banks; assay-hash deliberately does not
 * depend on it. Instances are immutable and thread-safe.
 */
public final class VpdqMatcher {

    /**
     * Matching rule.
     *
     * @param maxDistance      largest Hamming distance (inclusive) at which two frame hashes match
     * @param minQuality       frames of lower PDQ quality are left out on both sides
     * @param uniqueHashes     count identical hashes of a video once (upstream's description and HMA) rather than
     *                         every frame ({@code match-hashes-brute})
     * @param minQueryPercent  query percentage needed for a match (0..100)
     * @param minTargetPercent target percentage needed for a match (0..100)
     */
    public record Options(int maxDistance, int minQuality, boolean uniqueHashes, double minQueryPercent,
                          double minTargetPercent) {

        public Options {
            if (maxDistance < 0 || maxDistance > 256) {
                throw new IllegalArgumentException("maxDistance must be within 0..256: " + maxDistance);
            }
            if (minQuality < 0 || minQuality > 100) {
                throw new IllegalArgumentException("minQuality must be within 0..100: " + minQuality);
            }
            if (!(minQueryPercent >= 0 && minQueryPercent <= 100) || !(minTargetPercent >= 0 && minTargetPercent <= 100)) {
                throw new IllegalArgumentException("percentage thresholds must be within 0..100");
            }
        }

        /** Upstream's description: unique hashes, distance &le; 31, quality &ge; 50, target &ge; 80 %, query &ge; 0 %. */
        public static Options defaults() {
            return new Options(31, 50, true, 0, 80);
        }

        /** HMA's {@code VPDQSignal.compare_hash}: as {@link #defaults()} but query &ge; 80 %, target &ge; 0 %. */
        public static Options hma() {
            return new Options(31, 50, true, 80, 0);
        }

        /**
         * {@code match-hashes-brute QUERY TARGET distanceTolerance qualityTolerance}: every frame counted, distance
         * strictly below {@code distanceTolerance}; decision with upstream's example thresholds (target &ge; 80 %).
         */
        public static Options matchHashesBrute(int distanceTolerance, int qualityTolerance) {
            return new Options(Math.max(0, distanceTolerance - 1), qualityTolerance, false, 0, 80);
        }

        public Options withMaxDistance(int d) {
            return new Options(d, minQuality, uniqueHashes, minQueryPercent, minTargetPercent);
        }

        public Options withMinQuality(int q) {
            return new Options(maxDistance, q, uniqueHashes, minQueryPercent, minTargetPercent);
        }

        public Options withUniqueHashes(boolean unique) {
            return new Options(maxDistance, minQuality, unique, minQueryPercent, minTargetPercent);
        }

        public Options withThresholds(double queryPercent, double targetPercent) {
            return new Options(maxDistance, minQuality, uniqueHashes, queryPercent, targetPercent);
        }
    }

    /**
     * A hash ready for matching under one matcher's quality filter and counting: the frame hashes that take part,
     * packed 4 words each.
     */
    public static final class Prepared {
        private final long[] words;
        private final int count;
        private final int minQuality;
        private final boolean unique;

        private Prepared(long[] words, int count, int minQuality, boolean unique) {
            this.words = words;
            this.count = count;
            this.minQuality = minQuality;
            this.unique = unique;
        }

        /** Frames that take part in matching. */
        public int size() {
            return count;
        }
    }

    /** A banked video that matched a query. */
    public record Hit<K>(K key, VpdqMatch match) {
    }

    private final Options options;

    public VpdqMatcher() {
        this(Options.defaults());
    }

    public VpdqMatcher(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public Options options() {
        return options;
    }

    /** The frames of a hash that take part in matching under this matcher's options. */
    public Prepared prepare(VpdqHash hash) {
        List<VpdqFeature> features = hash.features();
        long[] words = new long[features.size() * 4];
        int n = 0;
        Set<PdqKey> seen = options.uniqueHashes() ? new HashSet<>() : null;
        for (VpdqFeature f : features) {
            if (f.quality() < options.minQuality()) {
                continue;
            }
            PdqHash h = f.hash();
            if (seen != null && !seen.add(new PdqKey(h.w0(), h.w1(), h.w2(), h.w3()))) {
                continue;
            }
            int o = n * 4;
            words[o] = h.w0();
            words[o + 1] = h.w1();
            words[o + 2] = h.w2();
            words[o + 3] = h.w3();
            n++;
        }
        return new Prepared(Arrays.copyOf(words, n * 4), n, options.minQuality(), options.uniqueHashes());
    }

    /** The 256 bits only: identical hashes with different recorded qualities are still one hash. */
    private record PdqKey(long w0, long w1, long w2, long w3) {
    }

    /** Compares two hashes; both percentages exact. */
    public VpdqMatch compare(VpdqHash query, VpdqHash target) {
        return compare(prepare(query), prepare(target));
    }

    /** Compares two prepared hashes; both percentages exact. */
    public VpdqMatch compare(Prepared query, Prepared target) {
        check(query);
        check(target);
        int nq = query.count;
        int nt = target.count;
        if (nq == 0 || nt == 0) {
            return new VpdqMatch(0, 0, nq, nt, 0, 0, false);
        }
        boolean[] targetHit = new boolean[nt];
        int qm = 0;
        for (int i = 0; i < nq; i++) {
            int j = firstWithin(query.words, i, target.words, nt, options.maxDistance());
            if (j >= 0) {
                qm++;
                targetHit[j] = true;
            }
        }
        int tm = 0;
        if (qm > 0) {
            // a target frame is matched iff some query frame lies within the distance: those found above are
            for (int j = 0; j < nt; j++) {
                if (targetHit[j] || firstWithin(target.words, j, query.words, nq, options.maxDistance()) >= 0) {
                    tm++;
                }
            }
        }
        return result(nq, nt, qm, tm);
    }

    /**
     * Compares a query with every banked video; returns those that match, best target percentage first. Banked
     * videos that cannot reach a threshold are abandoned early, so non-matches cost little.
     */
    public <K> List<Hit<K>> search(VpdqHash query, Map<K, Prepared> bank) {
        return search(prepare(query), bank);
    }

    public <K> List<Hit<K>> search(Prepared query, Map<K, Prepared> bank) {
        check(query);
        List<Hit<K>> hits = new ArrayList<>();
        for (Map.Entry<K, Prepared> e : bank.entrySet()) {
            VpdqMatch m = matchOrNull(query, e.getValue());
            if (m != null) {
                hits.add(new Hit<>(e.getKey(), m));
            }
        }
        hits.sort(Comparator.<Hit<K>>comparingDouble(h -> h.match().targetPercent())
                .thenComparingDouble(h -> h.match().queryPercent()).reversed());
        return hits;
    }

    /** The exact match when both thresholds are met; {@code null} as soon as one is out of reach. */
    VpdqMatch matchOrNull(Prepared query, Prepared target) {
        check(target);
        int nq = query.count;
        int nt = target.count;
        if (nq == 0 || nt == 0) {
            return null;
        }
        int d = options.maxDistance();
        // the side with the higher threshold first: it rules out most candidates soonest
        boolean targetFirst = options.minTargetPercent() >= options.minQueryPercent();
        Prepared a = targetFirst ? target : query;
        Prepared b = targetFirst ? query : target;
        double thrA = targetFirst ? options.minTargetPercent() : options.minQueryPercent();
        double thrB = targetFirst ? options.minQueryPercent() : options.minTargetPercent();
        int am = countWithin(a, b, d, thrA);
        if (am < 0) {
            return null;
        }
        int bm = countWithin(b, a, d, thrB);
        if (bm < 0) {
            return null;
        }
        VpdqMatch m = targetFirst ? result(nq, nt, bm, am) : result(nq, nt, am, bm);
        return m.matched() ? m : null;
    }

    /** Frames of {@code a} with a frame of {@code b} within {@code d}; -1 once {@code threshold} is out of reach. */
    private static int countWithin(Prepared a, Prepared b, int d, double threshold) {
        int na = a.count;
        int missed = 0;
        for (int i = 0; i < na; i++) {
            if (firstWithin(a.words, i, b.words, b.count, d) < 0) {
                missed++;
                if ((na - missed) * 100.0 / na < threshold) {
                    return -1;
                }
            }
        }
        return na - missed;
    }

    /** Index of the first hash of {@code b} within {@code d} of hash {@code i} of {@code a}, or -1. */
    private static int firstWithin(long[] a, int i, long[] b, int nb, int d) {
        int o = i * 4;
        long x0 = a[o];
        long x1 = a[o + 1];
        long x2 = a[o + 2];
        long x3 = a[o + 3];
        for (int j = 0, p = 0; j < nb; j++, p += 4) {
            int dist = Long.bitCount(x0 ^ b[p]) + Long.bitCount(x1 ^ b[p + 1])
                    + Long.bitCount(x2 ^ b[p + 2]) + Long.bitCount(x3 ^ b[p + 3]);
            if (dist <= d) {
                return j;
            }
        }
        return -1;
    }

    private VpdqMatch result(int nq, int nt, int qm, int tm) {
        double qp = qm * 100.0 / nq;
        double tp = tm * 100.0 / nt;
        boolean matched = qp >= options.minQueryPercent() && tp >= options.minTargetPercent();
        return new VpdqMatch(qp, tp, nq, nt, qm, tm, matched);
    }

    private void check(Prepared p) {
        if (p.minQuality != options.minQuality() || p.unique != options.uniqueHashes()) {
            throw new IllegalArgumentException("the hash was prepared under other options (quality " + p.minQuality
                    + ", unique " + p.unique + ") than this matcher's " + options);
        }
    }
}
