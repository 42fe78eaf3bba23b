package io.assay.coord.stream;

import io.assay.coord.detect.CoShareFinder;
import io.assay.coord.detect.ShareOrder;
import io.assay.coord.share.Share;
import io.assay.coord.share.ShareTable;
import io.assay.coord.synth.Scenario;
import io.assay.coord.synth.ShareStreamGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StreamingCoShareFinderTest {

    @Test
    void findsTheSamePairsAsBatchWithBoundedState() {
        List<Share> shares = ShareStreamGenerator.generate(Scenario.DEFAULT.scaledTo(30_000)).shares();
        Map<String, Integer> streamed = new HashMap<>();
        long[] maxLive = new long[1];
        StreamingCoShareFinder f = new StreamingCoShareFinder(Duration.ofSeconds(10), Duration.ZERO,
                StreamingCoShareFinder.Limits.DEFAULT, (a, b, d) -> streamed.merge(a.content() + ">" + b.content() + ":" + d, 1, Integer::sum));
        for (Share s : shares) {
            f.accept(s);
            maxLive[0] = Math.max(maxLive[0], f.liveShares());
        }
        ShareTable t = ShareTable.of(shares);
        Map<String, Integer> batch = new HashMap<>();
        CoShareFinder.find(t, ShareOrder.of(t), 10_000, (a, b, d) -> {
            if (t.account(a) != t.account(b)) {
                batch.merge(t.contents().name(t.content(a)) + ">" + t.contents().name(t.content(b)) + ":" + d, 1, Integer::sum);
            }
        });
        assertThat(streamed).isEqualTo(batch);
        assertThat(f.late()).isZero();
        // state holds about 10 s of shares, not the stream
        assertThat(maxLive[0]).isLessThan(shares.size() / 20);
    }

    @Test
    void lateSharesWithinTheLatenessStillPairAndLaterOnesAreCounted() {
        List<String> pairs = new java.util.ArrayList<>();
        StreamingCoShareFinder f = new StreamingCoShareFinder(Duration.ofSeconds(10), Duration.ofSeconds(5),
                StreamingCoShareFinder.Limits.DEFAULT, (a, b, d) -> pairs.add(a.account() + b.account() + d));
        f.accept(Share.of("a", "x", 100_000));
        f.accept(Share.of("b", "x", 97_000));
        f.accept(Share.of("c", "x", 90_000));
        assertThat(pairs).containsExactly("ba3000");
        assertThat(f.late()).isEqualTo(1);
    }

    @Test
    void capsBoundStateAndCountWhatTheyCut() {
        StreamingCoShareFinder f = new StreamingCoShareFinder(Duration.ofSeconds(10), Duration.ZERO,
                new StreamingCoShareFinder.Limits(3, 2), (a, b, d) -> { });
        for (int i = 0; i < 5; i++) {
            f.accept(Share.of("a" + i, "o" + i, 1000));
        }
        for (int i = 0; i < 4; i++) {
            f.accept(Share.of("b" + i, "o4", 1000));
        }
        assertThat(f.liveObjects()).isEqualTo(3);
        assertThat(f.evictedObjects()).isEqualTo(2);
        assertThat(f.truncatedShares()).isEqualTo(3);
        StreamingEdgeTally tally = new StreamingEdgeTally(1);
        tally.pair(Share.of("a", "o", 1), Share.of("b", "o", 2), 1);
        tally.pair(Share.of("a", "o", 1), Share.of("c", "o", 2), 1);
        assertThat(tally.refused()).isEqualTo(1);
        assertThat(tally.snapshot(1)).hasSize(1);
    }
}
