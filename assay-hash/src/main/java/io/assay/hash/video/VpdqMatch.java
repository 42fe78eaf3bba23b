package io.assay.hash.video;

/**
 * The outcome of comparing a query video's vPDQ hash with a target's (a banked video, the "comparison" video of
 * upstream's description).
 *
 * @param queryPercent  share (0..100) of the query's compared frames with a target frame within the distance
 * @param targetPercent share (0..100) of the target's compared frames with a query frame within the distance
 * @param queryFrames   query frames compared (after the quality filter and, if configured, de-duplication)
 * @param targetFrames  target frames compared
 * @param queryMatched  query frames that found a match
 * @param targetMatched target frames that found a match
 * @param matched       both shares reach the matcher's thresholds
 */
public record VpdqMatch(double queryPercent, double targetPercent, int queryFrames, int targetFrames,
                        int queryMatched, int targetMatched, boolean matched) {

    /** Percentages with 2 decimals, as {@code match-hashes-brute} prints them. */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s: query %.2f%% (%d/%d), target %.2f%% (%d/%d)",
                matched ? "match" : "no match", queryPercent, queryMatched, queryFrames, targetPercent, targetMatched,
                targetFrames);
    }
}
