package io.assay.detect.eval;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static io.assay.detect.eval.Label.FAKE;
import static io.assay.detect.eval.Label.REAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Stratified bootstrap intervals: reproducible, ordered, around the estimate, narrower with more data. */
class BootstrapTest {

    static ScoredSample overlapping(int perClass, long seed) {
        Random rnd = new Random(seed);
        double[] s = new double[2 * perClass];
        Label[] l = new Label[2 * perClass];
        for (int i = 0; i < perClass; i++) {
            l[i] = FAKE;
            s[i] = Math.max(0, Math.min(1, 0.6 + 0.15 * rnd.nextGaussian()));
            l[perClass + i] = REAL;
            s[perClass + i] = Math.max(0, Math.min(1, 0.4 + 0.15 * rnd.nextGaussian()));
        }
        return ScoredSample.of(s, l, 0.5);
    }

    @Test
    void intervalsAreOrderedAndHoldTheEstimate() {
        Bootstrap.Intervals ci = Bootstrap.run(overlapping(60, 1), 1000, 42);
        for (Estimate e : new Estimate[]{ci.auc(), ci.eer(), ci.precision(), ci.recall()}) {
            assertThat(e.lower()).isLessThanOrEqualTo(e.value());
            assertThat(e.value()).isLessThanOrEqualTo(e.upper());
            assertThat(e.lower()).isLessThan(e.upper());
            assertThat(e.defined()).isEqualTo(1000);
        }
        // Two classes 1.33 standard deviations apart: AUC about 0.83, not far from it on 60 per class.
        assertThat(ci.auc().value()).isBetween(0.7, 0.95);
    }

    @Test
    void theSameSeedGivesTheSameIntervalsAndAnotherSeedOthers() {
        ScoredSample s = overlapping(40, 2);
        assertThat(Bootstrap.run(s, 300, 5)).isEqualTo(Bootstrap.run(s, 300, 5));
        assertThat(Bootstrap.run(s, 300, 5).auc()).isNotEqualTo(Bootstrap.run(s, 300, 6).auc());
    }

    @Test
    void moreDataGivesNarrowerIntervals() {
        Estimate small = Bootstrap.run(overlapping(20, 3), 1000, 1).auc();
        Estimate large = Bootstrap.run(overlapping(500, 3), 1000, 1).auc();
        assertThat(large.upper() - large.lower()).isLessThan((small.upper() - small.lower()) / 2);
    }

    @Test
    void perfectSeparationStaysPerfectInEveryResample() {
        ScoredSample s = ScoredSample.of(new double[]{0.9, 0.8, 0.2, 0.1}, new Label[]{FAKE, FAKE, REAL, REAL}, 0.5);
        Bootstrap.Intervals ci = Bootstrap.run(s, 200, 1);
        assertThat(ci.auc()).isEqualTo(new Estimate(1, 1, 1, 200));
        assertThat(ci.eer()).isEqualTo(new Estimate(0, 0, 0, 200));
    }

    @Test
    void precisionIsUndefinedInRoundsThatFlagNothingAndTheIntervalUsesTheOthers() {
        // Only one item is flagged (a fake); rounds that do not draw it have no precision.
        ScoredSample s = ScoredSample.of(new double[]{0.9, 0.4, 0.3, 0.2, 0.1}, new Label[]{FAKE, FAKE, FAKE, REAL, REAL}, 0.5);
        Estimate p = Bootstrap.run(s, 1000, 9).precision();
        assertThat(p.value()).isEqualTo(1.0);
        // P(no draw of it in 3 draws) = (2/3)^3 = 0.30: about 700 rounds define it.
        assertThat(p.defined()).isBetween(620, 780);
        assertThat(p.lower()).isEqualTo(1.0);
    }

    @Test
    void noRoundsGiveNoInterval() {
        Estimate auc = Bootstrap.run(overlapping(10, 4), 0, 1).auc();
        assertThat(auc.isDefined()).isTrue();
        assertThat(auc.lower()).isNaN();
    }

    @Test
    void percentileInterpolatesBetweenOrderStatistics() {
        double[] sorted = {1, 2, 3, 4, 5};
        assertThat(Bootstrap.percentile(sorted, 0.5)).isEqualTo(3.0);
        assertThat(Bootstrap.percentile(sorted, 0.025)).isCloseTo(1.1, within(1e-12));
        assertThat(Bootstrap.percentile(sorted, 0.975)).isCloseTo(4.9, within(1e-12));
    }
}
