package io.assay.detect.builtin;

import io.assay.detect.ContentProbe;
import io.assay.detect.Detector;
import io.assay.detect.DetectorInfo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class BuiltinServicesTest {

    @Test
    void theBuiltInDetectorsAreDiscoveredQuicklyAndMarkedExperimental() {
        long t0 = System.nanoTime();
        List<Detector> found = ServiceLoader.load(Detector.class).stream().map(ServiceLoader.Provider::get)
                .filter(d -> d.getClass().getPackageName().startsWith("io.assay.detect.builtin")).toList();
        double ms = (System.nanoTime() - t0) / 1e6;
        assertThat(found).extracting(d -> d.info().id()).containsExactlyInAnyOrder("spectral-image", "lfcc-spoof");
        assertThat(found).extracting(Detector::info).allMatch(DetectorInfo::experimental).noneMatch(DetectorInfo::trusted);
        assertThat(ms).as("loading the stored models, not training").isLessThan(2000);
    }

    @Test
    void thePresenceProbesAreDiscovered() {
        assertThat(ServiceLoader.load(ContentProbe.class).stream().map(ServiceLoader.Provider::get).map(ContentProbe::id))
                .contains("face-presence", "speech-presence");
    }

    @Test
    void modelJsonRoundTripsExactly() {
        LogisticModel m = new LogisticModel("x", List.of("a", "b"), new double[]{0.1, -2.5e-7}, new double[]{1, 3.0000000000000004},
                new double[]{Math.PI, -Math.E}, 0.3, java.util.Map.of("note", "quote \" and \\ kept", "n", 12));
        LogisticModel back = LogisticModel.fromJson(m.toJson());
        assertThat(back.mean()).containsExactly(m.mean());
        assertThat(back.scale()).containsExactly(m.scale());
        assertThat(back.weights()).containsExactly(m.weights());
        assertThat(back.bias()).isEqualTo(m.bias());
        assertThat(back.training().get("note")).isEqualTo("quote \" and \\ kept");
        assertThat(back.score(new double[]{0.1, -2.5e-7})).isEqualTo(LogisticModel.sigmoid(0.3));
    }

    @Test
    void aucAndEqualErrorRateOnKnownRankings() {
        boolean[] y = {false, false, true, true};
        assertThat(Roc.auc(new double[]{0.1, 0.2, 0.8, 0.9}, y)).isEqualTo(1.0);
        assertThat(Roc.auc(new double[]{0.9, 0.8, 0.2, 0.1}, y)).isEqualTo(0.0);
        assertThat(Roc.auc(new double[]{0.1, 0.5, 0.5, 0.9}, y)).isEqualTo(0.875); // one tie between the classes counts half
        assertThat(Roc.equalErrorRate(new double[]{0.1, 0.2, 0.8, 0.9}, y)).isEqualTo(0.0);
        assertThat(Roc.equalErrorRate(new double[]{0.1, 0.85, 0.8, 0.9}, y)).isEqualTo(0.5);
    }

    @Test
    void logisticFitSeparatesAShiftedFeature() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(4);
        int n = 400;
        double[][] x = new double[n][2];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2 == 0;
            x[i][0] = rng.nextGaussian() + (y[i] ? 2 : 0); // informative
            x[i][1] = rng.nextGaussian();                  // noise
        }
        LogisticModel m = LogisticFit.fit("t", List.of("signal", "noise"), x, y, 1.0, null);
        assertThat(m.weights()[0]).isGreaterThan(1.0);
        assertThat(Math.abs(m.weights()[1])).isLessThan(0.3);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = m.score(x[i]);
        }
        assertThat(Roc.auc(s, y)).isGreaterThan(0.85); // two unit normals 2 apart: the ideal AUC is about 0.92
    }
}
