package io.assay.hash.audio;

/**
 * Hamming-windowed power spectrum of one frame of 16-bit samples: a real FFT of a power-of-two size, computed as
 * a complex radix-2 FFT of half the size over (even, odd) sample pairs and then split.
 *
 * <p>Chromaprint (as Debian builds it) uses FFmpeg's single-precision RDFT; the window and the windowed samples
 * are rounded to float here as there, while the transform itself runs in double. Not thread-safe: one instance
 * per hashing thread.
 */
final class PowerSpectrum {

    private final int size;
    private final int half;
    private final float[] window;
    private final double[] re;
    private final double[] im;
    private final int[] bitReverse;
    private final double[] cos;
    private final double[] sin;
    /** Twiddles for splitting the packed transform: e^{-2 pi i k / size}. */
    private final double[] splitCos;
    private final double[] splitSin;

    PowerSpectrum(int size) {
        if (size < 4 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two >= 4: " + size);
        }
        this.size = size;
        this.half = size / 2;
        window = new float[size];
        double scale = 1.0 / Short.MAX_VALUE; // Chromaprint scales samples to about [-1, 1] in the window
        for (int i = 0; i < size; i++) {
            window[i] = (float) (scale * (0.54 - 0.46 * Math.cos(i * 2.0 * Math.PI / (size - 1))));
        }
        re = new double[half];
        im = new double[half];
        bitReverse = new int[half];
        int bits = Integer.numberOfTrailingZeros(half);
        for (int i = 0; i < half; i++) {
            bitReverse[i] = Integer.reverse(i) >>> (32 - bits);
        }
        cos = new double[half / 2];
        sin = new double[half / 2];
        for (int i = 0; i < half / 2; i++) {
            cos[i] = Math.cos(2 * Math.PI * i / half);
            sin[i] = -Math.sin(2 * Math.PI * i / half);
        }
        splitCos = new double[half];
        splitSin = new double[half];
        for (int k = 0; k < half; k++) {
            splitCos[k] = Math.cos(2 * Math.PI * k / size);
            splitSin[k] = -Math.sin(2 * Math.PI * k / size);
        }
    }

    int size() {
        return size;
    }

    /**
     * Writes |X_k|^2 for k in [from, to) into {@code power[k]}, for the frame {@code samples[offset..offset+size)}.
     */
    void compute(short[] samples, int offset, double[] power, int from, int to) {
        for (int n = 0; n < half; n++) {
            int j = bitReverse[n];
            re[j] = (float) (samples[offset + 2 * n] * window[2 * n]);
            im[j] = (float) (samples[offset + 2 * n + 1] * window[2 * n + 1]);
        }
        fft();
        for (int k = Math.max(from, 0); k < to; k++) {
            if (k == 0) {
                double dc = re[0] + im[0];
                power[0] = f2(dc * dc);
                continue;
            }
            if (k == half) {
                double ny = re[0] - im[0];
                power[half] = f2(ny * ny);
                continue;
            }
            int m = half - k;
            // Even and odd halves of X_k from Z_k and conj(Z_{N/2-k}).
            double evRe = 0.5 * (re[k] + re[m]);
            double evIm = 0.5 * (im[k] - im[m]);
            double odRe = 0.5 * (im[k] + im[m]);
            double odIm = -0.5 * (re[k] - re[m]);
            double tRe = odRe * splitCos[k] - odIm * splitSin[k];
            double tIm = odRe * splitSin[k] + odIm * splitCos[k];
            float xr = (float) (evRe + tRe);
            float xi = (float) (evIm + tIm);
            power[k] = xr * xr + xi * xi; // float arithmetic, as in Chromaprint's avfft backend
        }
    }

    private static double f2(double v) {
        return (float) v;
    }

    /** In-place iterative radix-2 decimation-in-time FFT over (re, im), input already in bit-reversed order. */
    private void fft() {
        for (int len = 2; len <= half; len <<= 1) {
            int halfLen = len >> 1;
            int step = half / len;
            for (int i = 0; i < half; i += len) {
                for (int j = 0, t = 0; j < halfLen; j++, t += step) {
                    int a = i + j;
                    int b = a + halfLen;
                    double wr = cos[t];
                    double wi = sin[t];
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }
}
