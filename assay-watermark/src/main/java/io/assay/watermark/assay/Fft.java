package io.assay.watermark.assay;

/** In-place radix-2 complex FFT on square power-of-two arrays, for the tile correlations. */
final class Fft {

    private Fft() {
    }

    /** 1-D transform of {@code n} values spaced {@code stride} apart starting at {@code off}. */
    private static void transform(double[] re, double[] im, int off, int stride, int n, boolean inverse,
                                  double[] tr, double[] ti) {
        for (int i = 0; i < n; i++) {
            tr[i] = re[off + i * stride];
            ti[i] = im[off + i * stride];
        }
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = tr[i];
                tr[i] = tr[j];
                tr[j] = t;
                t = ti[i];
                ti[i] = ti[j];
                ti[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double ang = 2 * Math.PI / len * (inverse ? 1 : -1);
            double wr = Math.cos(ang);
            double wi = Math.sin(ang);
            for (int i = 0; i < n; i += len) {
                double cr = 1;
                double ci = 0;
                for (int k = 0; k < len / 2; k++) {
                    int a = i + k;
                    int b = a + len / 2;
                    double xr = tr[b] * cr - ti[b] * ci;
                    double xi = tr[b] * ci + ti[b] * cr;
                    tr[b] = tr[a] - xr;
                    ti[b] = ti[a] - xi;
                    tr[a] += xr;
                    ti[a] += xi;
                    double ncr = cr * wr - ci * wi;
                    ci = cr * wi + ci * wr;
                    cr = ncr;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            re[off + i * stride] = inverse ? tr[i] / n : tr[i];
            im[off + i * stride] = inverse ? ti[i] / n : ti[i];
        }
    }

    /** 2-D transform of an {@code n x n} array, row by row. */
    static void transform2d(double[] re, double[] im, int n, boolean inverse) {
        double[] tr = new double[n];
        double[] ti = new double[n];
        for (int r = 0; r < n; r++) {
            transform(re, im, r * n, 1, n, inverse, tr, ti);
        }
        for (int c = 0; c < n; c++) {
            transform(re, im, c, n, n, inverse, tr, ti);
        }
    }
}
