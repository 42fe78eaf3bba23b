package io.assay.server.coord;

import io.assay.index.Hash256;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's own coordination rules: online media clusters, when a campaign raises an alert, text objects. */
class CoordinationRulesTest {

    static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");

    @Test
    void uploadsWithinTheDistanceOfAClusterLeaderJoinIt() {
        MediaClusters clusters = new MediaClusters(31);
        Hash256 a = hash(0);
        assertThat(clusters.assign(a, "media:a", T0)).isEqualTo("media:a");
        assertThat(clusters.assign(flip(a, 31), "media:b", T0.plusSeconds(1))).isEqualTo("media:a");
        assertThat(clusters.assign(flip(a, 32), "media:c", T0.plusSeconds(2))).isEqualTo("media:c");
        // a matched signal's hash is restored as a leader only where no cluster covers it
        clusters.restore(flip(a, 3), "signal:x", T0);
        assertThat(clusters.assign(flip(a, 2), "media:d", T0)).isEqualTo("media:a");
        assertThat(clusters.size()).isEqualTo(2);
        // clusters started before the cutoff are forgotten; the next copy starts a new one
        assertThat(clusters.expire(T0.plusSeconds(2))).isEqualTo(1);
        assertThat(clusters.assign(a, "media:e", T0.plusSeconds(3))).isEqualTo("media:e");
    }

    @Test
    void aCampaignAlertsWhenItPushesABankedDeepfakeOrAiMediaAtHighElectionRisk() {
        assertThat(CampaignDetection.alertsFor(campaign(Map.of("known-deepfake", 3), "normal"), T0))
                .extracting(AlertRecord::reason).containsExactly("known-deepfake");
        assertThat(CampaignDetection.alertsFor(campaign(Map.of("ai-generated", 5), "high"), T0))
                .extracting(AlertRecord::reason).containsExactly("ai-media-election-risk");
        assertThat(CampaignDetection.alertsFor(campaign(Map.of("likely-ai", 5, "known-deepfake", 1), "high"), T0))
                .extracting(AlertRecord::reason).containsExactlyInAnyOrder("known-deepfake", "ai-media-election-risk");
        // AI media off the election watch list, or election talk without AI media: a campaign, no alert
        assertThat(CampaignDetection.alertsFor(campaign(Map.of("ai-generated", 5), "normal"), T0)).isEmpty();
        assertThat(CampaignDetection.alertsFor(campaign(Map.of(), "high"), T0)).isEmpty();
        assertThat(CampaignDetection.alertsFor(campaign(Map.of("ai-edited", 4), "high"), T0)).isEmpty();
    }

    @Test
    void textIsOneObjectAcrossCaseSpacingPunctuationAndLinks() {
        assertThat(ShareIntake.normaliseText("Vote is MOVED to Wednesday!!  https://t.co/abc"))
                .isEqualTo(ShareIntake.normaliseText("vote is moved to wednesday https://bit.ly/zz"))
                .isEqualTo("vote is moved to wednesday");
        assertThat(ShareIntake.normaliseText("vote is moved to thursday"))
                .isNotEqualTo(ShareIntake.normaliseText("vote is moved to wednesday"));
    }

    private static CampaignRecord campaign(Map<String, Integer> labels, String risk) {
        return new CampaignRecord(UUID.randomUUID(), T0, T0, List.of("x:a", "x:b", "x:c"), List.of("signal:s"), labels,
                List.of(), 9, T0, T0, 1.0, risk, List.of());
    }

    private static Hash256 hash(long seed) {
        java.util.Random r = new java.util.Random(seed);
        return new Hash256(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
    }

    /** The hash with its first {@code bits} bits flipped (Hamming distance {@code bits}). */
    private static Hash256 flip(Hash256 h, int bits) {
        long[] w = {h.w0(), h.w1(), h.w2(), h.w3()};
        for (int i = 0; i < bits; i++) {
            w[i / 64] ^= 1L << (i % 64);
        }
        return new Hash256(w[0], w[1], w[2], w[3]);
    }
}
