package io.assay.detect.eval;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static io.assay.detect.eval.Label.FAKE;
import static io.assay.detect.eval.Label.REAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** ROC, AUC, EER and the figures at the threshold, against cases worked out by hand or by pair counting. */
class ScoredSampleTest {

    @Test
    void perfectSeparationHasAucOneAndEerZero() {
        ScoredSample s = ScoredSample.of(new double[]{0.9, 0.8, 0.7, 0.3, 0.2, 0.1},
                new Label[]{FAKE, FAKE, FAKE, REAL, REAL, REAL}, 0.5);
        ScoredSample.Summary m = s.summary();
        assertThat(m.auc()).isEqualTo(1.0);
        assertThat(m.eer()).isEqualTo(0.0);
        assertThat(m.precision()).isEqualTo(1.0);
        assertThat(m.recall()).isEqualTo(1.0);
        assertThat(m.accuracy()).isEqualTo(1.0);
        assertThat(s.roc().points()).extracting(RocCurve.Point::fpr).startsWith(0.0).endsWith(1.0);
        assertThat(s.roc().points()).extracting(RocCurve.Point::tpr).startsWith(0.0).endsWith(1.0);
    }

    @Test
    void reversedScoresHaveAucZeroAndEerOne() {
        ScoredSample.Summary m = ScoredSample.of(new double[]{0.1, 0.2, 0.8, 0.9},
                new Label[]{FAKE, FAKE, REAL, REAL}, 0.5).summary();
        assertThat(m.auc()).isEqualTo(0.0);
        assertThat(m.eer()).isEqualTo(1.0);
        assertThat(m.precision()).isEqualTo(0.0);
        assertThat(m.recall()).isEqualTo(0.0);
    }

    @Test
    void aucOfASmallSetIsThreeQuartersAsPairCountingSays() {
        // Fakes 0.8, 0.6; reals 0.7, 0.2: of the 4 (fake, real) pairs, 3 are ordered right.
        double[] scores = {0.8, 0.7, 0.6, 0.2};
        Label[] labels = {FAKE, REAL, FAKE, REAL};
        ScoredSample s = ScoredSample.of(scores, labels, 0.65);
        assertThat(s.summary().auc()).isCloseTo(0.75, within(1e-12));
        assertThat(s.summary().auc()).isCloseTo(pairCount(scores, labels), within(1e-12));
        // ROC: (0,0) (0,.5) (.5,.5) (.5,1) (1,1): FPR meets FNR at the vertex (.5,.5).
        assertThat(s.summary().eer()).isCloseTo(0.5, within(1e-12));
        // Flagged at >= 0.65: 0.8 (fake) and 0.7 (real).
        assertThat(s.summary().precision()).isEqualTo(0.5);
        assertThat(s.summary().recall()).isEqualTo(0.5);
        assertThat(s.summary().f1()).isEqualTo(0.5);
        assertThat(s.summary().accuracy()).isEqualTo(0.5);
    }

    @Test
    void eerIsInterpolatedAlongTheCrossingSegment() {
        // Fakes 0.9, 0.8, 0.3; reals 0.7, 0.2. ROC (0,0) (0,1/3) (0,2/3) (.5,2/3) (.5,1) (1,1). On the segment from
        // (0,2/3) to (.5,2/3) the FNR stays 1/3 while the FPR grows from 0: they meet at FPR = 1/3.
        ScoredSample s = ScoredSample.of(new double[]{0.9, 0.8, 0.3, 0.7, 0.2}, new Label[]{FAKE, FAKE, FAKE, REAL, REAL}, 0.75);
        assertThat(s.summary().eer()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(s.summary().auc()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(s.summary().precision()).isEqualTo(1.0);
        assertThat(s.summary().recall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(s.summary().f1()).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void tiesAcrossClassesCountHalfAndMakeOneDiagonalStep() {
        ScoredSample s = ScoredSample.of(new double[]{0.5, 0.5}, new Label[]{FAKE, REAL}, 0.9);
        assertThat(s.summary().auc()).isEqualTo(0.5);
        assertThat(s.summary().eer()).isEqualTo(0.5);
        assertThat(s.roc().points()).hasSize(2);
        assertThat(s.summary().precision()).isNaN(); // nothing flagged
        assertThat(s.summary().recall()).isEqualTo(0.0);
    }

    @Test
    void aucEqualsMannWhitneyPairCountingOnRandomTiedScores() {
        Random rnd = new Random(7);
        for (int round = 0; round < 50; round++) {
            int n = 2 + rnd.nextInt(60);
            double[] scores = new double[n];
            Label[] labels = new Label[n];
            for (int i = 0; i < n; i++) {
                labels[i] = i < 1 ? FAKE : i < 2 ? REAL : rnd.nextBoolean() ? FAKE : REAL;
                // Few distinct values: many ties within and across classes.
                scores[i] = Math.round((rnd.nextDouble() * 0.6 + (labels[i] == FAKE ? 0.3 : 0)) * 8) / 8.0;
            }
            ScoredSample s = ScoredSample.of(scores, labels, 0.5);
            assertThat(s.summary().auc()).as("round %d", round).isCloseTo(pairCount(scores, labels), within(1e-12));
            assertThat(s.roc().auc()).isCloseTo(s.summary().auc(), within(1e-12));
            assertThat(s.roc().eer()).isCloseTo(s.summary().eer(), within(1e-12));
            assertThat(s.summary().eer()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void oneClassOnlyLeavesAucAndEerUndefined() {
        ScoredSample s = ScoredSample.of(new double[]{0.9, 0.1}, new Label[]{FAKE, FAKE}, 0.5);
        assertThat(s.summary().auc()).isNaN();
        assertThat(s.summary().eer()).isNaN();
        assertThat(s.summary().recall()).isEqualTo(0.5);
        assertThat(s.roc().points()).isEmpty();
    }

    @Test
    void notApplicableObservationsAreLeftOut() {
        ScoredSample s = ScoredSample.of(java.util.List.of(Observation.scored(FAKE, 0.9, true, 1),
                Observation.notApplicable(FAKE, "no face", 1), Observation.scored(REAL, 0.1, false, 1)));
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.summary().auc()).isEqualTo(1.0);
    }

    /** Mann-Whitney by brute force over all (fake, real) pairs: 1 when the fake scores higher, 1/2 on a tie. */
    static double pairCount(double[] scores, Label[] labels) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < scores.length; i++) {
            for (int j = 0; j < scores.length; j++) {
                if (labels[i] == FAKE && labels[j] == REAL) {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        return wins / pairs;
    }
}
