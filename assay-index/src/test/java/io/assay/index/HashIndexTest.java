package io.assay.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HashIndexTest {

    private static final int[] RADII = {0, 1, 10, 15, 16, 17, 31, 32, 33, 64};

    private static Hash256 random(Random rnd) {
        return new Hash256(rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong());
    }

    /** {@code h} with {@code k} distinct random bits flipped. */
    private static Hash256 flip(Hash256 h, int k, Random rnd) {
        long[] w = {h.w0(), h.w1(), h.w2(), h.w3()};
        boolean[] used = new boolean[256];
        for (int done = 0; done < k; ) {
            int b = rnd.nextInt(256);
            if (!used[b]) {
                used[b] = true;
                w[b >>> 6] ^= 1L << b;
                done++;
            }
        }
        return new Hash256(w[0], w[1], w[2], w[3]);
    }

    /** 20k hashes: half uniform, half in clusters of 50 around 200 seeds at 0..40 flipped bits; plus duplicates. */
    private static List<Hash256> corpus(Random rnd, List<Hash256> seeds) {
        List<Hash256> all = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            all.add(random(rnd));
        }
        for (int s = 0; s < 200; s++) {
            Hash256 seed = random(rnd);
            seeds.add(seed);
            for (int j = 0; j < 50; j++) {
                all.add(flip(seed, j == 0 ? 0 : rnd.nextInt(41), rnd));
            }
            all.add(seed); // an exact duplicate under another id
        }
        return all;
    }

    private static List<Hash256> queries(Random rnd, List<Hash256> seeds, List<Hash256> stored, int n) {
        List<Hash256> q = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            switch (i % 3) {
                case 0 -> q.add(flip(seeds.get(rnd.nextInt(seeds.size())), rnd.nextInt(33), rnd));
                case 1 -> q.add(flip(stored.get(rnd.nextInt(stored.size())), rnd.nextInt(20), rnd));
                default -> q.add(random(rnd));
            }
        }
        return q;
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

    @ParameterizedTest
    @EnumSource(HashIndex.Strategy.class)
    void equalsBruteForceThroughAddsDeletesAndReAdds(HashIndex.Strategy strategy) {
        Random rnd = new Random(42);
        List<Hash256> seeds = new ArrayList<>();
        List<Hash256> stored = corpus(rnd, seeds);
        HashIndex index = new HashIndex();
        index.strategy(strategy);
        BruteForce oracle = new BruteForce();
        for (int i = 0; i < stored.size(); i++) {
            long id = 1_000_000L * i - 5; // ids need not be small or positive
            index.add(stored.get(i), id);
            oracle.add(stored.get(i), id);
        }
        List<Hash256> queries = queries(rnd, seeds, stored, 60);
        assertSame(index, oracle, queries);

        // Delete a third, including whole clusters' worth of near-duplicates.
        for (int i = 0; i < stored.size(); i += 3) {
            long id = 1_000_000L * i - 5;
            assertThat(index.remove(id)).isTrue();
            assertThat(oracle.remove(id)).isTrue();
        }
        assertSame(index, oracle, queries);

        // Add after delete: freed slots are reused; some old hashes come back under new ids.
        for (int i = 0; i < 3_000; i++) {
            Hash256 h = i % 2 == 0 ? stored.get(rnd.nextInt(stored.size())) : flip(seeds.get(rnd.nextInt(seeds.size())), rnd.nextInt(25), rnd);
            index.add(h, -i - 1);
            oracle.add(h, -i - 1);
        }
        assertSame(index, oracle, queries);
    }

    @Test
    void addAllEqualsSingleAdds() {
        Random rnd = new Random(7);
        List<Hash256> seeds = new ArrayList<>();
        List<Hash256> stored = corpus(rnd, seeds);
        long[] words = new long[4 * stored.size()];
        long[] ids = new long[stored.size()];
        BruteForce oracle = new BruteForce();
        for (int i = 0; i < stored.size(); i++) {
            Hash256 h = stored.get(i);
            words[4 * i] = h.w0();
            words[4 * i + 1] = h.w1();
            words[4 * i + 2] = h.w2();
            words[4 * i + 3] = h.w3();
            ids[i] = i;
            oracle.add(h, i);
        }
        HashIndex index = new HashIndex(stored.size());
        index.addAll(words, ids);
        assertSame(index, oracle, queries(rnd, seeds, stored, 30));
        System.out.printf("assay-index: %d entries, %.1f bytes/entry (estimate incl. 16 tables)%n",
                index.size(), (double) index.estimatedBytes() / index.size());
    }

    @Test
    void emptyIndexFindsNothing() {
        HashIndex index = new HashIndex(0);
        Hash256 q = new Hash256(1, 2, 3, 4);
        for (HashIndex.Strategy s : HashIndex.Strategy.values()) {
            index.strategy(s);
            assertThat(index.search(q, 0)).isEmpty();
            assertThat(index.search(q, 256)).isEmpty();
        }
        assertThat(index.size()).isZero();
        assertThat(index.searchAll(List.of(q, q), 32)).containsExactly(List.of(), List.of());
    }

    @ParameterizedTest
    @EnumSource(HashIndex.Strategy.class)
    void duplicateHashesUnderDifferentIdsAreAllReturned(HashIndex.Strategy strategy) {
        HashIndex index = new HashIndex();
        index.strategy(strategy);
        Hash256 h = Hash256.fromHex("f162eb9daab170c0567fe3632d9a5548c5612982dd5e374a7424ebbc8a835c95");
        index.add(h, 3);
        index.add(h, 1);
        index.add(h, 2);
        assertThat(index.search(h, 0)).containsExactly(new Match(1, 0), new Match(2, 0), new Match(3, 0));
        assertThat(index.remove(2)).isTrue();
        assertThat(index.search(h, 0)).containsExactly(new Match(1, 0), new Match(3, 0));
        Hash256 far = new Hash256(~h.w0(), ~h.w1(), ~h.w2(), ~h.w3());
        assertThat(index.search(far, 255)).isEmpty();
        assertThat(index.search(far, 256)).containsExactly(new Match(1, 256), new Match(3, 256));
        assertThat(index.search(far, 1000)).hasSize(2);
    }

    @Test
    void unknownIdsAndDuplicateIds() {
        HashIndex index = new HashIndex();
        assertThat(index.remove(99)).isFalse();
        index.add(new Hash256(0, 0, 0, 0), 99);
        assertThat(index.remove(98)).isFalse();
        assertThatThrownBy(() -> index.add(new Hash256(1, 1, 1, 1), 99)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.addAll(new long[8], new long[] {5, 5})).isInstanceOf(IllegalArgumentException.class);
        assertThat(index.contains(5)).isFalse();
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.get(99)).isEqualTo(new Hash256(0, 0, 0, 0));
        assertThat(index.remove(99)).isTrue();
        assertThat(index.remove(99)).isFalse();
        assertThat(index.get(99)).isNull();
        assertThatThrownBy(() -> index.search(new Hash256(0, 0, 0, 0), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idTableSurvivesChurn() {
        // Many ids colliding in the open-addressed id table, deleted in mixed order (backward-shift deletion).
        HashIndex index = new HashIndex(0);
        Random rnd = new Random(3);
        List<Long> live = new ArrayList<>();
        for (int round = 0; round < 20_000; round++) {
            if (live.isEmpty() || rnd.nextInt(3) > 0) {
                long id = rnd.nextInt(5_000) * 64L;
                if (!index.contains(id)) {
                    index.add(new Hash256(id, 0, 0, 0), id);
                    live.add(id);
                }
            } else {
                long id = live.remove(rnd.nextInt(live.size()));
                assertThat(index.remove(id)).isTrue();
            }
        }
        assertThat(index.size()).isEqualTo(live.size());
        for (long id : live) {
            assertThat(index.get(id)).isEqualTo(new Hash256(id, 0, 0, 0));
        }
    }

    @Test
    void hexRoundTrip() {
        String hex = "98736629670cc19fc9f23862f66cce1f599e32c78e236c78619d202e9e66c157";
        Hash256 h = Hash256.fromHex(hex.toUpperCase() + "\n");
        assertThat(h.toHex()).isEqualTo(hex);
        assertThat(h.w0()).isEqualTo(0x98736629670cc19fL);
        assertThatThrownBy(() -> Hash256.fromHex("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hash256.fromHex(hex.replace('9', 'g'))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lookupsRunConcurrentlyWithAWriter() throws Exception {
        Random rnd = new Random(11);
        HashIndex index = new HashIndex();
        List<Hash256> stable = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
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
                        // The stable entries are never removed: every lookup must see them.
                        assertThat(index.search(stable.get(i), 0)).contains(new Match(i, 0));
                    }
                }));
            }
            Future<?> writer = pool.submit(() -> {
                Random w = new Random(12);
                for (int i = 0; i < 20_000; i++) {
                    Hash256 near = flip(stable.get(w.nextInt(stable.size())), w.nextInt(4), w);
                    index.add(near, 1_000_000 + i);
                    if (i >= 100) {
                        assertThat(index.remove(1_000_000 + i - 100)).isTrue();
                    }
                }
            });
            writer.get(60, TimeUnit.SECONDS);
            stop.set(true);
            for (Future<?> f : readers) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(index.size()).isEqualTo(2_100);
    }
}
