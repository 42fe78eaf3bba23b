package io.assay.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The read-only base, the delta, tombstones and merges, every state checked against {@link BruteForce}. */
class BaseDeltaTest {

    private static final int[] RADII = {0, 1, 2, 11, 12, 13, 20, 21, 22, 23, 31, 32, 33, 47, 64};

    private static Hash256 random(Random rnd) {
        return new Hash256(rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong());
    }

    private static Hash256 flipBits(Hash256 h, int[] bits) {
        long[] w = {h.w0(), h.w1(), h.w2(), h.w3()};
        for (int b : bits) {
            w[b >>> 6] ^= 1L << b;
        }
        return new Hash256(w[0], w[1], w[2], w[3]);
    }

    private static Hash256 flip(Hash256 h, int k, Random rnd) {
        Set<Integer> bits = new HashSet<>();
        while (bits.size() < k) {
            bits.add(rnd.nextInt(256));
        }
        return flipBits(h, bits.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Near-duplicates of {@code q} whose flipped bits are spread round-robin over the substrings of {@code g}:
     * the hardest cases for multi-index hashing (at distance r they are within the probe radius of exactly one
     * table, at r + 1 of none), plus flips in the bits no substring covers.
     */
    private static List<Hash256> adversarial(Hash256 q, Geometry g, Random rnd) {
        List<Hash256> out = new ArrayList<>();
        for (int k : new int[] {1, 2, 11, 12, 13, 21, 22, 23, 30, 31, 32, 33, 47, 48}) {
            for (int rep = 0; rep < 3; rep++) {
                int[] bits = new int[k];
                int[] used = new int[g.m];
                Set<Integer> taken = new HashSet<>();
                for (int i = 0; i < k; i++) {
                    int bit;
                    if (g.m * g.b < 256 && rep == 2 && i == 0) {
                        bit = g.m * g.b; // an uncovered bit
                    } else {
                        int t = (i + rep) % g.m;
                        do {
                            bit = t * g.b + rnd.nextInt(g.b);
                        } while (taken.contains(bit) && used[t] < g.b);
                        used[t]++;
                    }
                    if (!taken.add(bit)) {
                        bit = -1;
                    }
                    bits[i] = bit;
                }
                out.add(flipBits(q, java.util.Arrays.stream(bits).filter(b -> b >= 0).toArray()));
            }
        }
        return out;
    }

    private static void assertSame(HashIndex index, BruteForce oracle, List<Hash256> queries) {
        assertThat(index.size()).isEqualTo(oracle.size());
        for (int r : RADII) {
            List<List<Match>> got = index.searchAll(queries, r);
            for (int i = 0; i < queries.size(); i++) {
                assertThat(got.get(i)).as("query %d radius %d", i, r).isEqualTo(oracle.search(queries.get(i), r));
            }
        }
    }

    /** Bulk load into a base of the given cut, then tombstones in the base, adds in the delta, then a merge. */
    @ParameterizedTest
    @ValueSource(strings = {"16x16", "12x20", "12x21", "11x22", "12x12", "7x9", "10x24"})
    void everyGeometryEqualsBruteForceThroughBaseTombstonesDeltaAndMerge(String cut) {
        String[] mb = cut.split("x");
        Geometry g = new Geometry(Integer.parseInt(mb[0]), Math.min(24, Integer.parseInt(mb[1])));
        Random rnd = new Random(cut.hashCode());
        List<Hash256> queries = new ArrayList<>();
        List<Hash256> stored = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Hash256 q = random(rnd);
            queries.add(q);
            stored.addAll(adversarial(q, g, rnd));
        }
        for (int i = 0; i < 3_000; i++) {
            stored.add(i % 2 == 0 ? random(rnd) : flip(queries.get(rnd.nextInt(queries.size())), rnd.nextInt(60), rnd));
        }
        queries.add(random(rnd));
        queries.add(flip(stored.get(5), 3, rnd));

        HashIndex index = new HashIndex(stored.size());
        index.geometry(g);
        index.deltaMin(1 << 20); // no automatic merges: this test drives them
        index.strategy(HashIndex.Strategy.MULTI_INDEX);
        BruteForce oracle = new BruteForce();
        long[] words = new long[4 * stored.size()];
        long[] ids = new long[stored.size()];
        for (int i = 0; i < stored.size(); i++) {
            Hash256 h = stored.get(i);
            words[4 * i] = h.w0();
            words[4 * i + 1] = h.w1();
            words[4 * i + 2] = h.w2();
            words[4 * i + 3] = h.w3();
            ids[i] = 7L * i;
            oracle.add(h, 7L * i);
        }
        index.deltaMin(100); // the bulk batch is larger than the limit: it goes straight into a base
        index.addAll(words, ids);
        index.deltaMin(1 << 20);
        assertThat(index.baseCount()).isEqualTo(stored.size());
        assertThat(index.deltaCount()).isZero();
        assertSame(index, oracle, queries);

        for (int i = 0; i < stored.size(); i += 4) { // tombstones in the base
            assertThat(index.remove(7L * i)).isTrue();
            oracle.remove(7L * i);
        }
        for (int i = 0; i < 500; i++) { // the delta, including hashes equal to tombstoned ones
            Hash256 h = i % 2 == 0 ? stored.get(4 * rnd.nextInt(stored.size() / 4)) : flip(queries.get(i % queries.size()), rnd.nextInt(40), rnd);
            index.add(h, -i - 1);
            oracle.add(h, -i - 1);
        }
        for (int i = 0; i < 500; i += 3) { // tombstones in the delta
            index.remove(-i - 1);
            oracle.remove(-i - 1);
        }
        assertThat(index.deltaCount()).isEqualTo(500);
        assertSame(index, oracle, queries);

        index.mergeNow();
        assertThat(index.deltaCount()).isZero();
        assertThat(index.baseCount()).isEqualTo(oracle.size());
        assertSame(index, oracle, queries);
        index.strategy(HashIndex.Strategy.AUTO);
        assertSame(index, oracle, queries);
    }

    /** Single adds and removes with a tiny merge limit: many merges, slots freed by one merge reused after it. */
    @Test
    void manySmallMergesWithSlotReuse() {
        Random rnd = new Random(5);
        HashIndex index = new HashIndex(0);
        index.deltaMin(50);
        index.geometry(new Geometry(12, 12));
        BruteForce oracle = new BruteForce();
        List<Long> live = new ArrayList<>();
        List<Hash256> seeds = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            seeds.add(random(rnd));
        }
        List<Hash256> queries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            queries.add(i % 2 == 0 ? random(rnd) : flip(seeds.get(i), rnd.nextInt(20), rnd));
        }
        long next = 0;
        for (int round = 0; round < 4_000; round++) {
            if (live.size() < 300 || rnd.nextInt(5) < 3) {
                Hash256 h = flip(seeds.get(rnd.nextInt(seeds.size())), rnd.nextInt(40), rnd);
                index.add(h, next);
                oracle.add(h, next);
                live.add(next++);
            } else {
                long id = live.remove(rnd.nextInt(live.size()));
                assertThat(index.remove(id)).isTrue();
                oracle.remove(id);
            }
            if (round % 500 == 499) {
                assertSame(index, oracle, queries);
            }
        }
        assertThat(index.merges()).isGreaterThan(10);
        assertThat(index.baseCount()).isPositive();
        assertThat(index.deltaCount()).isPositive();
        assertSame(index, oracle, queries);
        // 4,000 operations, at most ~1,300 live at once: freed slots are reused, so the slot range stays small.
        assertThat(index.highWater()).isLessThan(live.size() + 200);
        for (long id : live) {
            assertThat(index.contains(id)).isTrue();
        }
    }

    @Test
    void geometryKeysMasksAndProbes() {
        Random rnd = new Random(9);
        for (Geometry g : List.of(Geometry.M16, new Geometry(12, 21), new Geometry(11, 22), new Geometry(7, 9), new Geometry(10, 24))) {
            for (int i = 0; i < 200; i++) {
                long[] h = {rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong()};
                for (int t = 0; t < g.m; t++) {
                    int expected = 0;
                    for (int j = 0; j < g.b; j++) {
                        int bit = t * g.b + j;
                        expected |= (int) ((h[bit >>> 6] >>> bit) & 1) << j;
                    }
                    assertThat(g.key(h, 0, t)).isEqualTo(expected);
                }
            }
            for (int rad = 0; rad <= 3; rad++) {
                int[] masks = Geometry.masks(g.b, rad);
                assertThat(masks).hasSize((int) Geometry.ballSize(g.b, rad)).doesNotHaveDuplicates();
                for (int mask : masks) {
                    assertThat(Integer.bitCount(mask)).isLessThanOrEqualTo(rad);
                    assertThat(mask >>> g.b).isZero();
                }
            }
        }
        assertThat(Geometry.M16.probes(31)).isEqualTo(16 * 17);
        assertThat(new Geometry(12, 21).probes(31)).isEqualTo(8 * (1 + 21 + 210) + 4 * 22);
        assertThat(Geometry.forSize(10_000_000).m * Geometry.forSize(10_000_000).b).isLessThanOrEqualTo(256);
    }

    /** Readers never miss a stable entry nor see one twice while a writer adds, removes and triggers merges. */
    @Test
    void lookupsDuringMergesSeeEveryStableEntryOnce() throws Exception {
        Random rnd = new Random(13);
        HashIndex index = new HashIndex();
        index.deltaMin(200);
        index.geometry(new Geometry(12, 16));
        List<Hash256> stable = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            Hash256 h = random(rnd);
            stable.add(h);
            index.add(h, i);
        }
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                int offset = r;
                readers.add(pool.submit(() -> {
                    for (int i = offset; !stop.get(); i = (i + 7) % stable.size()) {
                        List<Match> hits = index.search(stable.get(i), 3);
                        assertThat(hits).contains(new Match(i, 0));
                        assertThat(hits.stream().map(Match::id).distinct().count()).isEqualTo(hits.size());
                    }
                }));
            }
            Future<?> writer = pool.submit(() -> {
                Random w = new Random(14);
                for (int i = 0; i < 20_000; i++) {
                    index.add(flip(stable.get(w.nextInt(stable.size())), w.nextInt(4), w), 1_000_000 + i);
                    if (i >= 100) {
                        assertThat(index.remove(1_000_000 + i - 100)).isTrue();
                    }
                }
            });
            writer.get(120, TimeUnit.SECONDS);
            stop.set(true);
            for (Future<?> f : readers) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(index.merges()).isGreaterThan(5);
        assertThat(index.size()).isEqualTo(3_100);
        BruteForce oracle = new BruteForce();
        for (int i = 0; i < stable.size(); i++) {
            oracle.add(stable.get(i), i);
        }
        // The 100 survivors of the churn are not known to the oracle: compare on the stable ids only.
        for (int i = 0; i < 50; i++) {
            Hash256 q = stable.get(i);
            assertThat(index.search(q, 20).stream().filter(m -> m.id() < 1_000_000).toList()).isEqualTo(oracle.search(q, 20));
        }
    }

    @Test
    void bulkStreamingSearchAllMatchesSingleSearches() {
        Random rnd = new Random(21);
        HashIndex index = new HashIndex();
        for (int i = 0; i < 5_000; i++) {
            index.add(random(rnd), i);
        }
        List<Hash256> qs = new ArrayList<>();
        long[] words = new long[4 * 30];
        for (int j = 0; j < 30; j++) {
            Hash256 q = j % 2 == 0 ? flip(index.get(rnd.nextInt(5_000)), rnd.nextInt(30), rnd) : random(rnd);
            qs.add(q);
            words[4 * j] = q.w0();
            words[4 * j + 1] = q.w1();
            words[4 * j + 2] = q.w2();
            words[4 * j + 3] = q.w3();
        }
        List<List<Match>> got = new ArrayList<>();
        for (int j = 0; j < 30; j++) {
            got.add(new ArrayList<>());
        }
        index.searchAll(words, 31, (j, id, d) -> got.get(j).add(new Match(id, d)));
        for (int j = 0; j < 30; j++) {
            got.get(j).sort(Match.ORDER);
            assertThat(got.get(j)).isEqualTo(index.search(qs.get(j), 31));
        }
        assertThat(got.stream().mapToInt(List::size).sum()).isGreaterThanOrEqualTo(15);
    }
}
