package io.assay.coord.detect;

import io.assay.coord.share.Share;
import io.assay.coord.share.ShareTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CoShareFinderTest {

    @Test
    void pairsStraddlingAnyBucketEdgeAreFound() {
        // 09:59:55 and 10:00:04 are 9 s apart but in different 10 s (and minute) buckets
        ShareTable t = new ShareTable()
                .add(Share.of("a", "x", 1_000_000_595_000L))
                .add(Share.of("b", "x", 1_000_000_604_000L))
                .add(Share.of("c", "x", 1_000_000_615_000L));
        List<long[]> pairs = new ArrayList<>();
        CoShareFinder.find(t, ShareOrder.of(t), 10_000, (a, b, d) -> pairs.add(new long[] {a, b, d}));
        assertThat(pairs).hasSize(1);
        assertThat(pairs.getFirst()).containsExactly(0, 1, 9000);
    }

    @Test
    void theWindowIsInclusiveAndEqualTimesKeepTheGivenOrder() {
        ShareTable t = new ShareTable().add(Share.of("b", "x", 5000)).add(Share.of("a", "x", 5000)).add(Share.of("c", "x", 15_000));
        List<String> pairs = new ArrayList<>();
        CoShareFinder.find(t, ShareOrder.of(t), 10_000, (a, b, d) -> pairs.add(a + "-" + b + ":" + d));
        assertThat(pairs).containsExactly("0-1:0", "0-2:10000", "1-2:10000");
        pairs.clear();
        CoShareFinder.find(t, ShareOrder.of(t, new int[] {1, 0, 2}), 10_000, (a, b, d) -> pairs.add(a + "-" + b + ":" + d));
        assertThat(pairs).containsExactly("1-0:0", "1-2:10000", "0-2:10000");
    }

    @Test
    void equalsBruteForceOnRandomStreams() {
        Random r = new Random(11);
        for (int round = 0; round < 20; round++) {
            ShareTable t = new ShareTable();
            int n = 50 + r.nextInt(400);
            for (int i = 0; i < n; i++) {
                t.add(Share.of("a" + r.nextInt(30), "o" + r.nextInt(8), r.nextInt(600_000)));
            }
            long w = r.nextInt(60_000);
            Set<List<Integer>> fast = new HashSet<>();
            CoShareFinder.find(t, ShareOrder.of(t), w, (a, b, d) -> {
                assertThat(d).isEqualTo(t.time(b) - t.time(a)).isBetween(0L, w);
                fast.add(List.of(Math.min(a, b), Math.max(a, b)));
            });
            Set<List<Integer>> brute = new HashSet<>();
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (t.object(i) == t.object(j) && Math.abs(t.time(i) - t.time(j)) <= w) {
                        brute.add(List.of(i, j));
                    }
                }
            }
            assertThat(fast).isEqualTo(brute);
        }
    }

    @Test
    void quantileIsRsType7() {
        assertThat(Quantile.type7(new double[] {1, 2, 3, 4}, 0.5)).isEqualTo(2.5);
        assertThat(Quantile.type7(new double[] {1, 1, 1, 5}, 0.9)).isEqualTo(3.8, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Quantile.type7(new double[] {7}, 0.9)).isEqualTo(7);
    }
}
