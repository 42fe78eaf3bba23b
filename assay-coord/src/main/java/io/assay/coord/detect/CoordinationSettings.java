package io.assay.coord.detect;

import java.time.Duration;

/**
 * Parameters of Assay's method.
 *
 * @param window             two shares of one object are a co-share when at most this far apart (inclusive)
 * @param minParticipation   accounts with fewer shares are ignored
 * @param edgePercentile     an edge is coordinated when its weight is above this quantile (type 7) of all weights
 * @param minSymmetry        ... and its symmetry score is at least this
 * @param significance       ... and its weight is improbable by chance: P(weight or more) under a null model where each
 *                           account's co-shares fall on partners in proportion to their strength (Poisson, expected
 *                           k_a k_b / 2m) is below significance / number of edges (Bonferroni). 1 turns this off.
 * @param resolution         Leiden's modularity resolution
 * @param seed               Leiden's random seed (results are reproducible)
 * @param minCampaignAccounts communities smaller than this are not reported
 */
public record CoordinationSettings(Duration window, int minParticipation, double edgePercentile, double minSymmetry,
                                   double significance,
                                   double resolution, long seed, int minCampaignAccounts) {

    /** The strict window: near-simultaneous sharing, what automation produces. */
    public static final Duration STRICT_WINDOW = Duration.ofSeconds(10);
    /** The loose window: also catches accounts that space their shares out, at the cost of more organic co-shares. */
    public static final Duration LOOSE_WINDOW = Duration.ofSeconds(60);

    public static final CoordinationSettings DEFAULT = new CoordinationSettings(STRICT_WINDOW, 2, 0.90, 0.0, 0.05, 1.0, 20250101L, 2);

    public CoordinationSettings {
        if (window.isNegative() || window.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("window must be between 0 and 7 days: " + window);
        }
        if (minParticipation < 1) {
            throw new IllegalArgumentException("min participation must be at least 1");
        }
        if (!(edgePercentile >= 0 && edgePercentile <= 1)) {
            throw new IllegalArgumentException("edge percentile must be in [0, 1]: " + edgePercentile);
        }
        if (!(minSymmetry >= 0 && minSymmetry <= 1)) {
            throw new IllegalArgumentException("min symmetry must be in [0, 1]: " + minSymmetry);
        }
        if (!(significance > 0 && significance <= 1)) {
            throw new IllegalArgumentException("significance must be in (0, 1]: " + significance);
        }
        if (!(resolution > 0)) {
            throw new IllegalArgumentException("resolution must be positive");
        }
        if (minCampaignAccounts < 2) {
            throw new IllegalArgumentException("a campaign has at least 2 accounts");
        }
    }

    public CoordinationSettings withWindow(Duration w) {
        return new CoordinationSettings(w, minParticipation, edgePercentile, minSymmetry, significance, resolution, seed, minCampaignAccounts);
    }

    public CoordinationSettings withMinParticipation(int m) {
        return new CoordinationSettings(window, m, edgePercentile, minSymmetry, significance, resolution, seed, minCampaignAccounts);
    }

    public CoordinationSettings withEdgePercentile(double p) {
        return new CoordinationSettings(window, minParticipation, p, minSymmetry, significance, resolution, seed, minCampaignAccounts);
    }

    public CoordinationSettings withSignificance(double a) {
        return new CoordinationSettings(window, minParticipation, edgePercentile, minSymmetry, a, resolution, seed, minCampaignAccounts);
    }

    public CoordinationSettings withMinSymmetry(double s) {
        return new CoordinationSettings(window, minParticipation, edgePercentile, s, significance, resolution, seed, minCampaignAccounts);
    }
}
