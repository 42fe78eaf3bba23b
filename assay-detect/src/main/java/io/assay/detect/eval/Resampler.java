package io.assay.detect.eval;

/**
 * Band-limited resampling between any two rates: a Blackman-windowed sinc low-pass at {@link #CUTOFF} of the lower
 * Nyquist frequency, read from a precomputed table (no trigonometry per tap). Quality is that of a good
 * telephone-line model, not of a mastering tool.
 */
final class Resampler {

    /** The pass band, as a share of the lower rate's Nyquist frequency (3.6 kHz at 8 kHz). */
    static final double CUTOFF = 0.9;
    private static final int ZERO_CROSSINGS = 16;
    private static final int TABLE_STEPS = 512;
    private static final double[] KERNEL = kernel();

    private Resampler() {
    }

    /** A windowed sinc over 0..ZERO_CROSSINGS zero crossings, TABLE_STEPS entries per crossing. */
    private static double[] kernel() {
        double[] k = new double[ZERO_CROSSINGS * TABLE_STEPS + 2];
        for (int i = 0; i < k.length; i++) {
            double x = i / (double) TABLE_STEPS;
            double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
            double r = 0.5 + 0.5 * Math.min(1, x / ZERO_CROSSINGS); // Blackman window over -Z..Z, as 0..1
            double window = x >= ZERO_CROSSINGS ? 0
                    : 0.42 - 0.5 * Math.cos(2 * Math.PI * r) + 0.08 * Math.cos(4 * Math.PI * r);
            k[i] = sinc * window;
        }
        return k;
    }

    /** {@code in} at {@code fromRate} resampled to {@code toRate}, {@code outLength} samples long. */
    static double[] resample(double[] in, int fromRate, int toRate, int outLength) {
        double[] out = new double[outLength];
        if (in.length == 0) {
            return out;
        }
        // The filter's cutoff in input samples: the lower of the two Nyquist frequencies, scaled by CUTOFF.
        double scale = CUTOFF * Math.min(1.0, toRate / (double) fromRate);
        double halfWidth = ZERO_CROSSINGS / scale;
        double step = fromRate / (double) toRate;
        for (int n = 0; n < outLength; n++) {
            double t = n * step;
            int first = (int) Math.ceil(t - halfWidth);
            int last = (int) Math.floor(t + halfWidth);
            double sum = 0;
            double weight = 0;
            for (int k = Math.max(first, 0); k <= Math.min(last, in.length - 1); k++) {
                double pos = Math.abs(t - k) * scale * TABLE_STEPS;
                int i = (int) pos;
                if (i + 1 >= KERNEL.length) {
                    continue;
                }
                double f = pos - i;
                double h = KERNEL[i] + f * (KERNEL[i + 1] - KERNEL[i]);
                sum += in[k] * h;
                weight += h;
            }
            // Normalising by the taps' sum keeps a constant signal constant, also near the ends.
            out[n] = weight > 1e-9 ? sum / weight : 0;
        }
        return out;
    }
}
