package io.assay.detect.builtin.spoof;

import io.assay.detect.builtin.Fft;

/**
 * Linear-frequency cepstral coefficients, the front end of the ASVspoof baselines: 25 ms Hamming frames every
 * 10 ms of pre-emphasised 8 kHz audio, power spectrum (256 points), 20 triangular filters evenly spaced on a
 * linear scale from 0 to 4 kHz (where synthesisers differ from voices most: the upper band, which a mel scale
 * squeezes), log, DCT-II; then deltas and delta-deltas over +-2 frames.
 */
public final class Lfcc {

    public static final int RATE = 8000;
    public static final int COEFFS = 20;
    public static final int DIMS = 3 * COEFFS;
    static final int FRAME = 200;
    static final int HOP = 80;
    static final int NFFT = 256;
    static final int FILTERS = 20;

    private static final double[][] FILTERBANK = filterbank();
    private static final double[] WINDOW = hamming(FRAME);

    private Lfcc() {
    }

    /** One row per frame: 20 cepstra, 20 deltas, 20 delta-deltas; plus each frame's log energy. */
    public record Frames(double[][] features, double[] logEnergy) {
        public int count() {
            return features.length;
        }
    }

    /** The LFCC frames of 8 kHz mono audio in -1..1. */
    public static Frames of(double[] x) {
        int frames = x.length < FRAME ? 0 : 1 + (x.length - FRAME) / HOP;
        double[][] c = new double[frames][];
        double[] energy = new double[frames];
        double[] frame = new double[FRAME];
        for (int f = 0; f < frames; f++) {
            int start = f * HOP;
            double e = 0;
            for (int i = 0; i < FRAME; i++) {
                double prev = start + i > 0 ? x[start + i - 1] : 0;
                double v = x[start + i] - 0.97 * prev;
                frame[i] = v * WINDOW[i];
                e += v * v;
            }
            energy[f] = 10 * Math.log10(e / FRAME + 1e-12);
            c[f] = cepstrum(Fft.powerSpectrum(frame, NFFT));
        }
        double[][] d = deltas(c);
        double[][] dd = deltas(d);
        double[][] out = new double[frames][DIMS];
        for (int f = 0; f < frames; f++) {
            System.arraycopy(c[f], 0, out[f], 0, COEFFS);
            System.arraycopy(d[f], 0, out[f], COEFFS, COEFFS);
            System.arraycopy(dd[f], 0, out[f], 2 * COEFFS, COEFFS);
        }
        return new Frames(out, energy);
    }

    /** The 20 cepstra of one frame's power spectrum (NFFT/2+1 bins). */
    static double[] cepstrum(double[] power) {
        double[] logE = new double[FILTERS];
        for (int m = 0; m < FILTERS; m++) {
            double s = 0;
            for (int k = 0; k < power.length; k++) {
                s += FILTERBANK[m][k] * power[k];
            }
            logE[m] = Math.log(s + 1e-10);
        }
        double[] c = new double[COEFFS];
        for (int q = 0; q < COEFFS; q++) {
            double s = 0;
            for (int m = 0; m < FILTERS; m++) {
                s += logE[m] * Math.cos(Math.PI * q * (m + 0.5) / FILTERS);
            }
            c[q] = s * Math.sqrt((q == 0 ? 1.0 : 2.0) / FILTERS);
        }
        return c;
    }

    static double[][] deltas(double[][] c) {
        int n = c.length;
        double[][] d = new double[n][];
        for (int t = 0; t < n; t++) {
            d[t] = new double[c[t].length];
            for (int j = 0; j < c[t].length; j++) {
                double s = 0;
                for (int k = 1; k <= 2; k++) {
                    s += k * (c[Math.min(n - 1, t + k)][j] - c[Math.max(0, t - k)][j]);
                }
                d[t][j] = s / 10; // 2 * (1 + 4)
            }
        }
        return d;
    }

    /** Triangles whose centres are evenly spaced over 0..RATE/2, each reaching zero at its neighbours' centres. */
    static double[][] filterbank() {
        int bins = NFFT / 2 + 1;
        double[][] fb = new double[FILTERS][bins];
        double step = (RATE / 2.0) / (FILTERS + 1);
        for (int m = 0; m < FILTERS; m++) {
            double lo = m * step;
            double mid = (m + 1) * step;
            double hi = (m + 2) * step;
            for (int k = 0; k < bins; k++) {
                double hz = k * (double) RATE / NFFT;
                if (hz > lo && hz <= mid) {
                    fb[m][k] = (hz - lo) / (mid - lo);
                } else if (hz > mid && hz < hi) {
                    fb[m][k] = (hi - hz) / (hi - mid);
                }
            }
        }
        return fb;
    }

    /** The centre frequency of filter m, in Hz. */
    public static double centreHz(int m) {
        return (m + 1) * (RATE / 2.0) / (FILTERS + 1);
    }

    private static double[] hamming(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.54 - 0.46 * Math.cos(2 * Math.PI * i / (n - 1));
        }
        return w;
    }
}
