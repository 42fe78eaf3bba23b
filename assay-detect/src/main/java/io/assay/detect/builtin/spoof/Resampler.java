package io.assay.detect.builtin.spoof;

/**
 * Windowed-sinc resampling of mono audio (Hann window, 16 zero crossings, cut-off 0.95 of the lower Nyquist
 * frequency): the spoof model works on telephone-band 8 kHz audio whatever the input's rate.
 */
public final class Resampler {

    private static final int ZERO_CROSSINGS = 16;
    private static final double CUTOFF = 0.95;

    private Resampler() {
    }

    public static double[] resample(double[] in, int inRate, int outRate) {
        if (inRate == outRate) {
            return in.clone();
        }
        double ratio = (double) outRate / inRate;
        double c = CUTOFF * Math.min(1, ratio); // cut-off in cycles per input sample times 2
        int half = (int) Math.ceil(ZERO_CROSSINGS / c);
        int n = (int) Math.floor(in.length * ratio);
        double[] out = new double[n];
        for (int m = 0; m < n; m++) {
            double t = m / ratio;
            int centre = (int) Math.floor(t);
            double s = 0;
            for (int k = centre - half + 1; k <= centre + half; k++) {
                if (k < 0 || k >= in.length) {
                    continue;
                }
                double d = t - k;
                double w = 0.5 + 0.5 * Math.cos(Math.PI * d / half);
                s += in[k] * c * sinc(c * d) * w;
            }
            out[m] = s;
        }
        return out;
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }
}
