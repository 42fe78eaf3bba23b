package io.assay.coord.synth;

import io.assay.coord.detect.CoordinationSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Coordinated accounts in synthetic streams, found at the default settings, scored against the generator's truth. */
class SyntheticEvaluationTest {

    @Test
    void defaultScenarioAtDefaultSettingsHasPrecisionAndRecallOfAtLeast0_9() {
        SyntheticStream s = ShareStreamGenerator.generate(Scenario.DEFAULT);
        assertThat(s.shares()).hasSizeGreaterThan(100_000);
        Evaluation e = Evaluation.run(s, CoordinationSettings.DEFAULT, true);
        System.out.println("default scenario, " + s.shares().size() + " shares: " + e);
        assertThat(e.precision()).as(e.toString()).isGreaterThanOrEqualTo(0.9);
        assertThat(e.recall()).as(e.toString()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void otherSeedsOnAverage() {
        double p = 0;
        double r = 0;
        int seeds = 4;
        for (long seed = 1; seed <= seeds; seed++) {
            Evaluation e = Evaluation.run(ShareStreamGenerator.generate(Scenario.DEFAULT.withSeed(seed)), CoordinationSettings.DEFAULT, true);
            System.out.println("seed " + seed + ": " + e);
            p += e.precision() / seeds;
            r += e.recall() / seeds;
        }
        assertThat(p).isGreaterThanOrEqualTo(0.9);
        assertThat(r).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void withoutTheSignificanceTestBusyOrganicAccountsGetThrough() {
        // the percentile alone keeps every edge of weight 2+; chance co-shares of busy accounts then cost precision
        SyntheticStream s = ShareStreamGenerator.generate(Scenario.DEFAULT);
        Evaluation percentileOnly = Evaluation.run(s, CoordinationSettings.DEFAULT.withSignificance(1), true);
        Evaluation full = Evaluation.run(s, CoordinationSettings.DEFAULT, true);
        assertThat(percentileOnly.precision()).isLessThan(full.precision());
    }

    @Test
    void theGeneratorIsDeterministicAndItsTruthIsInTheStream() {
        SyntheticStream a = ShareStreamGenerator.generate(Scenario.DEFAULT.withSeed(3));
        SyntheticStream b = ShareStreamGenerator.generate(Scenario.DEFAULT.withSeed(3));
        assertThat(a.shares()).isEqualTo(b.shares());
        java.util.Set<String> sharing = new java.util.HashSet<>();
        a.shares().forEach(x -> sharing.add(x.accountKey()));
        assertThat(sharing).containsAll(a.coordinated());
        // re-encoded variants sit within PDQ match distance of each other, so the clusterer merges them
        assertThat(Evaluation.table(a, true).objects().size()).isLessThan(Evaluation.table(a, false).objects().size());
    }
}
