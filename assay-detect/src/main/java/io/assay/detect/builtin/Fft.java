package io.assay.detect.builtin;

/** In-place radix-2 complex FFT, enough for the short frames and small tiles the built-in signals need. */
public final class Fft {

    private Fft() {
    }

    public static boolean isPowerOfTwo(int n) {
        return n > 0 && (n & (n - 1)) == 0;
    }

    /** Forward transform of {@code re + i im} (length a power of two), overwriting both arrays. */
    public static void transform(double[] re, double[] im) {
        int n = re.length;
        if (im.length != n || !isPowerOfTwo(n)) {
            throw new IllegalArgumentException("FFT needs two arrays of one power-of-two length, got " + n + " and " + im.length);
        }
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = -2 * Math.PI / len;
            int half = len >> 1;
            for (int k = 0; k < half; k++) {
                double wr = StrictMath.cos(angle * k);
                double wi = StrictMath.sin(angle * k);
                for (int s = k; s < n; s += len) {
                    int t = s + half;
                    double xr = re[t] * wr - im[t] * wi;
                    double xi = re[t] * wi + im[t] * wr;
                    re[t] = re[s] - xr;
                    im[t] = im[s] - xi;
                    re[s] += xr;
                    im[s] += xi;
                }
            }
        }
    }

    /** The power |X[k]|^2 of a real frame for k = 0..n/2 (the frame is copied, zero-padded to {@code n}). */
    public static double[] powerSpectrum(double[] frame, int n) {
        double[] re = new double[n];
        double[] im = new double[n];
        System.arraycopy(frame, 0, re, 0, Math.min(frame.length, n));
        transform(re, im);
        double[] p = new double[n / 2 + 1];
        for (int k = 0; k < p.length; k++) {
            p[k] = re[k] * re[k] + im[k] * im[k];
        }
        return p;
    }
}
