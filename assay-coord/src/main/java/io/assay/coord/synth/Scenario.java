package io.assay.coord.synth;

import java.time.Duration;
import java.time.Instant;

/**
 * Parameters of a synthetic share stream.
 *
 * @param seed                 random seed (the stream is a pure function of the scenario)
 * @param start                first instant
 * @param days                 length of the stream
 * @param organicAccounts      ordinary accounts
 * @param activityTail         Pareto shape of account activity (smaller = heavier tail: a few hyperactive accounts)
 * @param objects              objects shared organically
 * @param popularityTail       Pareto shape of object popularity (cascade sizes)
 * @param meanCascadeShares    mean organic shares per object
 * @param cascadeMeanDelay     mean delay of an organic share after the object appears
 * @param cells                coordinated cells
 * @param minCellSize          accounts per cell, at least
 * @param maxCellSize          accounts per cell, at most
 * @param cellObjects          objects each cell pushes over the stream
 * @param cellParticipation    chance that a member shares a pushed object
 * @param cellJitter           members share within this of the push (uniformly)
 * @param evasionRate          chance that a member instead waits until just outside the detection window
 * @param evasionWindow        the window the evaders try to stay out of
 * @param mediaVariants        re-encoded variants of each pushed media object (1 = none)
 * @param variantBits          bits flipped in a variant's 256-bit perceptual hash
 */
public record Scenario(long seed, Instant start, int days, int organicAccounts, double activityTail, int objects,
                       double popularityTail, double meanCascadeShares, Duration cascadeMeanDelay, int cells, int minCellSize,
                       int maxCellSize, int cellObjects, double cellParticipation, Duration cellJitter, double evasionRate,
                       Duration evasionWindow, int mediaVariants, int variantBits) {

    /**
     * The default scenario: a week, 5,000 organic accounts sharing 20,000 objects in heavy-tailed cascades with a
     * daily cycle (about 150,000 shares), and 12 cells of 4-12 accounts each pushing 30 media objects in 3 re-encoded
     * variants, 15 % of their shares delayed to just outside a 10 s window.
     */
    public static final Scenario DEFAULT = new Scenario(7, Instant.parse("2025-09-01T00:00:00Z"), 7, 5000, 1.2, 20_000, 1.5,
            7.5, Duration.ofHours(3), 12, 4, 12, 30, 0.8, Duration.ofSeconds(8), 0.15, Duration.ofSeconds(10), 3, 12);

    public Scenario withSeed(long s) {
        return new Scenario(s, start, days, organicAccounts, activityTail, objects, popularityTail, meanCascadeShares,
                cascadeMeanDelay, cells, minCellSize, maxCellSize, cellObjects, cellParticipation, cellJitter, evasionRate,
                evasionWindow, mediaVariants, variantBits);
    }

    /** The same behaviour scaled to about {@code shares} shares (more accounts, objects and cells, same week). */
    public Scenario scaledTo(long shares) {
        double f = shares / (objects * meanCascadeShares);
        return new Scenario(seed, start, days, (int) Math.max(100, organicAccounts * f), activityTail,
                (int) Math.max(100, objects * f), popularityTail, meanCascadeShares, cascadeMeanDelay,
                (int) Math.max(1, cells * f), minCellSize, maxCellSize, cellObjects, cellParticipation, cellJitter,
                evasionRate, evasionWindow, mediaVariants, variantBits);
    }
}
