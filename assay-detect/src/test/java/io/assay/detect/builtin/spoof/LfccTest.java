package io.assay.detect.builtin.spoof;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LfccTest {

    private static double[] sine(double hz, int rate, double seconds, double amplitude) {
        double[] x = new double[(int) (rate * seconds)];
        for (int i = 0; i < x.length; i++) {
            x[i] = amplitude * Math.sin(2 * Math.PI * hz * i / rate);
        }
        return x;
    }

    private static double rms(double[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i] * x[i];
        }
        return Math.sqrt(s / (to - from));
    }

    /** The log filter energies behind a frame's cepstra (the DCT is orthonormal and complete, so it inverts). */
    private static double[] logEnergies(double[] c) {
        double[] e = new double[Lfcc.FILTERS];
        for (int m = 0; m < Lfcc.FILTERS; m++) {
            for (int q = 0; q < Lfcc.COEFFS; q++) {
                e[m] += c[q] * Math.sqrt((q == 0 ? 1.0 : 2.0) / Lfcc.FILTERS) * Math.cos(Math.PI * q * (m + 0.5) / Lfcc.FILTERS);
            }
        }
        return e;
    }

    @Test
    void aTonesEnergyLandsInTheFilterAroundItsFrequencyAndItsDeltasVanish() {
        double hz = 1700;
        Lfcc.Frames f = Lfcc.of(sine(hz, Lfcc.RATE, 1.0, 0.5));
        assertThat(f.count()).isEqualTo(1 + (8000 - Lfcc.FRAME) / Lfcc.HOP);
        double[] mid = f.features()[f.count() / 2];
        double[] e = logEnergies(java.util.Arrays.copyOf(mid, Lfcc.COEFFS));
        int best = 0;
        for (int m = 1; m < e.length; m++) {
            if (e[m] > e[best]) {
                best = m;
            }
        }
        assertThat(Math.abs(Lfcc.centreHz(best) - hz)).as("filter %d centred at %.0f Hz", best, Lfcc.centreHz(best))
                .isLessThan(4000.0 / 21);
        assertThat(e[best] - e[(best + 8) % Lfcc.FILTERS]).as("far filters are far weaker").isGreaterThan(5);
        for (int j = Lfcc.COEFFS; j < Lfcc.DIMS; j++) {
            assertThat(mid[j]).as("delta %d of a steady tone", j).isCloseTo(0, within(1e-6));
        }
    }

    @Test
    void theLinearFilterbankCoversTheBandEvenly() {
        double[][] fb = Lfcc.filterbank();
        for (int k = 0; k < fb[0].length; k++) {
            double hz = k * (double) Lfcc.RATE / Lfcc.NFFT;
            double sum = 0;
            for (double[] filter : fb) {
                sum += filter[k];
            }
            if (hz >= Lfcc.centreHz(0) && hz <= Lfcc.centreHz(Lfcc.FILTERS - 1)) {
                assertThat(sum).as("weight at %.0f Hz", hz).isCloseTo(1, within(1e-9));
            }
        }
    }

    @Test
    void resamplingKeepsInBandTonesAndRemovesWhatWouldAlias() {
        double[] in = sine(1000, 22050, 1.0, 0.5);
        double[] out = Resampler.resample(in, 22050, 8000);
        assertThat(out.length).isEqualTo(8000);
        assertThat(rms(out, 500, 7500)).isCloseTo(0.5 / Math.sqrt(2), within(0.01));
        int crossings = 0;
        for (int i = 501; i < 7500; i++) {
            if (out[i - 1] < 0 && out[i] >= 0) {
                crossings++;
            }
        }
        assertThat(crossings).isBetween(873, 876); // 1000 Hz over 6999 samples at 8 kHz
        double[] high = Resampler.resample(sine(5000, 22050, 1.0, 0.5), 22050, 8000);
        assertThat(rms(high, 500, 7500)).as("5 kHz is above the new Nyquist frequency").isLessThan(0.005);
    }

    @Test
    void anOddRatioWithTooManyPhasesToTabulateStillResamplesATone() {
        double[] in = sine(1000, 44101, 0.5, 0.5); // 44101:8000 has 8000 phases: computed tap by tap
        double[] out = Resampler.resample(in, 44101, 8000);
        assertThat(out.length).isEqualTo((int) (in.length * 8000L / 44101));
        double[] ref = sine(1000, 8000, 0.5, 0.5);
        for (int i = 400; i < out.length - 400; i++) {
            assertThat(out[i]).as("sample %d", i).isCloseTo(ref[i], within(0.01));
        }
    }

    @Test
    void muLawKeepsLoudAndSoftSamplesWithinItsStepSize() {
        double[] x = {0.5, -0.5, 0.01, -0.003, 0.9, 0};
        double[] y = MuLaw.roundTrip(x);
        for (int i = 0; i < x.length; i++) {
            assertThat(y[i]).as("sample %d", i).isCloseTo(x[i], within(0.03 * Math.abs(x[i]) + 2e-4));
        }
        assertThat(y[0]).isNotEqualTo(0.5); // it quantises
    }
}
