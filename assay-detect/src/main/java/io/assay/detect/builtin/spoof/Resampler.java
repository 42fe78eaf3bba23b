package io.assay.detect.builtin.spoof;

/**
 * Windowed-sinc resampling of mono audio (Hann window, 16 zero crossings, cut-off 0.95 of the lower Nyquist
 * frequency): the spoof model works on telephone-band 8 kHz audio whatever the input's rate. The rates of real
 * files have a small ratio (22050 to 8000 is 441:160), so the filter is tabulated once per phase (polyphase);
 * odd ratios with more than {@value #MAX_PHASES} phases compute each tap instead.
 */
public final class Resampler {

    private static final int ZERO_CROSSINGS = 16;
    private static final double CUTOFF = 0.95;
    static final int MAX_PHASES = 1024;

    private Resampler() {
    }

    public static double[] resample(double[] in, int inRate, int outRate) {
        if (inRate <= 0 || outRate <= 0) {
            throw new IllegalArgumentException("rates must be positive: " + inRate + " -> " + outRate);
        }
        if (inRate == outRate) {
            return in.clone();
        }
        double c = CUTOFF * Math.min(1, (double) outRate / inRate); // cut-off relative to the input's Nyquist frequency
        int half = (int) Math.ceil(ZERO_CROSSINGS / c);
        long g = gcd(inRate, outRate);
        int phases = (int) (outRate / g); // output sample m sits at input time m * step / phases
        long step = inRate / g;
        int n = (int) ((long) in.length * phases / step);
        double[][] table = phases <= MAX_PHASES ? table(phases, half, c) : null;
        double[] out = new double[n];
        for (int m = 0; m < n; m++) {
            long pos = m * step;
            int centre = (int) (pos / phases);
            int phase = (int) (pos % phases);
            int first = centre - half + 1;
            double[] taps = table != null ? table[phase] : taps(phase, phases, half, c);
            double s = 0;
            int from = Math.max(0, -first);
            int to = Math.min(2 * half, in.length - first);
            for (int j = from; j < to; j++) {
                s += in[first + j] * taps[j];
            }
            out[m] = s;
        }
        return out;
    }

    private static double[][] table(int phases, int half, double c) {
        double[][] t = new double[phases][];
        for (int p = 0; p < phases; p++) {
            t[p] = taps(p, phases, half, c);
        }
        return t;
    }

    /** The 2*half filter taps for inputs centre-half+1 .. centre+half at fractional offset phase/phases. */
    private static double[] taps(int phase, int phases, int half, double c) {
        double[] taps = new double[2 * half];
        double frac = phase / (double) phases;
        for (int j = 0; j < taps.length; j++) {
            double d = (half - 1 - j) + frac; // output time minus input time, in input samples
            double w = 0.5 + 0.5 * Math.cos(Math.PI * d / half);
            taps[j] = c * sinc(c * d) * w;
        }
        return taps;
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
