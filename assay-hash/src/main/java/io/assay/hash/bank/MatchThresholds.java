package io.assay.hash.bank;

/**
 * When a query counts as a match for a bank's entries. Each bank carries its own: a bank of high-stakes election
 * fakes may accept looser matches than a bank shared with many partners.
 *
 * @param pdqDistance     largest Hamming distance between PDQ hashes (customary: 31)
 * @param pdqQuality      smallest PDQ quality on both sides (customary: 50; flat images give unstable hashes)
 * @param vpdqDistance    per-frame Hamming distance for vPDQ
 * @param vpdqQuality     frames below this quality are ignored by vPDQ
 * @param vpdqQueryPct    share (0..100) of the query's unique frames that must match (default 80, HMA's rule)
 * @param vpdqTargetPct   share (0..100) of the banked video's unique frames that must match (default 0; upstream's
 *                        example puts 80 here, which suits two videos hashed at the same rate; Assay banks every
 *                        frame and samples queries once a second, so the share that must be high is the query's)
 * @param audioMaxBer     largest bit error rate of the best 64-item Chromaprint window (0.25 separates the corpus)
 * @param dihedral        whether rotated and mirrored copies of images match too (PDQ's 8 dihedral hashes)
 */
public record MatchThresholds(int pdqDistance, int pdqQuality, int vpdqDistance, int vpdqQuality,
                              double vpdqQueryPct, double vpdqTargetPct, double audioMaxBer, boolean dihedral) {

    public static final MatchThresholds DEFAULTS = new MatchThresholds(31, 50, 31, 50, 80, 0, 0.25, true);

    public MatchThresholds {
        check(pdqDistance >= 0 && pdqDistance <= 128, "pdqDistance must be within 0..128");
        check(vpdqDistance >= 0 && vpdqDistance <= 128, "vpdqDistance must be within 0..128");
        check(pdqQuality >= 0 && pdqQuality <= 100, "pdqQuality must be within 0..100");
        check(vpdqQuality >= 0 && vpdqQuality <= 100, "vpdqQuality must be within 0..100");
        check(vpdqQueryPct >= 0 && vpdqQueryPct <= 100, "vpdqQueryPct must be within 0..100");
        check(vpdqTargetPct >= 0 && vpdqTargetPct <= 100, "vpdqTargetPct must be within 0..100");
        check(audioMaxBer >= 0 && audioMaxBer <= 0.5, "audioMaxBer must be within 0..0.5");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public MatchThresholds withPdq(int distance, int quality) {
        return new MatchThresholds(distance, quality, vpdqDistance, vpdqQuality, vpdqQueryPct, vpdqTargetPct, audioMaxBer, dihedral);
    }
}
