package io.assay.watermark.assay;

import io.assay.watermark.image.RgbPixels;

/**
 * The luma of an image resampled so that its longer side is {@link #LONG_SIDE} "working" pixels: the embedder draws
 * the pattern on this grid (scaled to the image) and the detector looks for it here, so marks survive resizing and
 * detection costs the same for any image size. Working pixel k is centred on image coordinate {@code (k + 0.5) / f - 0.5}.
 */
final class WorkingLuma {

    static final int LONG_SIDE = 512;

    final int width;
    final int height;
    final float[] luma;

    private WorkingLuma(int width, int height, float[] luma) {
        this.width = width;
        this.height = height;
        this.luma = luma;
    }

    /** Image pixels to working pixels. */
    static double scale(int w, int h) {
        return LONG_SIDE / (double) Math.max(w, h);
    }

    static WorkingLuma of(RgbPixels img) {
        int w = img.width();
        int h = img.height();
        double f = scale(w, h);
        int ww = Math.max(1, (int) Math.floor(w * f + 1e-9));
        int wh = Math.max(1, (int) Math.floor(h * f + 1e-9));
        float[] y = new float[w * h];
        int[] rgb = img.rgb();
        for (int i = 0; i < y.length; i++) {
            int p = rgb[i];
            y[i] = 0.299f * (p >>> 16 & 0xFF) + 0.587f * (p >>> 8 & 0xFF) + 0.114f * (p & 0xFF);
        }
        Resampler rx = new Resampler(w, ww, f);
        Resampler ry = new Resampler(h, wh, f);
        // rows first, then columns
        float[] tmp = new float[ww * h];
        float[] line = new float[Math.max(w, h)];
        float[] outLine = new float[Math.max(ww, wh)];
        for (int r = 0; r < h; r++) {
            System.arraycopy(y, r * w, line, 0, w);
            rx.apply(line, outLine);
            System.arraycopy(outLine, 0, tmp, r * ww, ww);
        }
        float[] out = new float[ww * wh];
        for (int c = 0; c < ww; c++) {
            for (int r = 0; r < h; r++) {
                line[r] = tmp[r * ww + c];
            }
            ry.apply(line, outLine);
            for (int r = 0; r < wh; r++) {
                out[r * ww + c] = outLine[r];
            }
        }
        return new WorkingLuma(ww, wh, out);
    }

    /**
     * The high-passed luma (minus its local mean over a {@code (2r+1)^2} box), clipped to a few times its mean
     * magnitude so that strong edges do not drown the correlation.
     */
    float[] residual(int r) {
        float[] out = boxHighPass(luma, width, height, r, false);
        {
            // divide by the local residual energy: textured areas, where the host drowns the mark, weigh less
            float[] sq = new float[out.length];
            for (int i = 0; i < out.length; i++) {
                sq[i] = out[i] * out[i];
            }
            float[] hp = boxHighPass(sq, width, height, NORMALISE, false);
            for (int i = 0; i < out.length; i++) {
                double local = sq[i] - hp[i]; // the box mean of the squares
                out[i] = (float) (out[i] / Math.sqrt(local + 4.0));
            }
        }
        double mean = 0;
        for (float v : out) {
            mean += Math.abs(v);
        }
        mean /= out.length;
        float c = (float) Math.max(1e-6, 2.5 * mean);
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(-c, Math.min(c, out[i]));
        }
        return out;
    }

    /** Radius of the window over which the residual's local energy is measured. */
    private static final int NORMALISE = 4;

    /** {@code v} minus its box mean; edges clamp, or wrap when {@code periodic}. */
    static float[] boxHighPass(float[] v, int w, int h, int r, boolean periodic) {
        float[] tmp = new float[w * h];
        int n = 2 * r + 1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int d = -r; d <= r; d++) {
                    s += v[y * w + index(x + d, w, periodic)];
                }
                tmp[y * w + x] = (float) (s / n);
            }
        }
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int d = -r; d <= r; d++) {
                    s += tmp[index(y + d, h, periodic) * w + x];
                }
                out[y * w + x] = v[y * w + x] - (float) (s / n);
            }
        }
        return out;
    }

    private static int index(int i, int n, boolean periodic) {
        if (periodic) {
            return Math.floorMod(i, n);
        }
        return i < 0 ? 0 : Math.min(i, n - 1);
    }

    /** 1-D resampling by factor f: area averaging when shrinking, linear interpolation when enlarging. */
    private static final class Resampler {
        private final int[] start;
        private final float[][] weights;

        Resampler(int in, int out, double f) {
            start = new int[out];
            weights = new float[out][];
            for (int k = 0; k < out; k++) {
                if (f < 1) {
                    double a = k / f;
                    double b = (k + 1) / f;
                    int i0 = (int) Math.floor(a);
                    int i1 = Math.min(in - 1, (int) Math.ceil(b) - 1);
                    float[] wt = new float[i1 - i0 + 1];
                    for (int i = i0; i <= i1; i++) {
                        double lo = Math.max(a, i);
                        double hi = Math.min(b, i + 1);
                        wt[i - i0] = (float) (Math.max(0, hi - lo) * f);
                    }
                    start[k] = i0;
                    weights[k] = wt;
                } else {
                    double x = (k + 0.5) / f - 0.5;
                    int i0 = (int) Math.floor(x);
                    double t = x - i0;
                    if (i0 < 0) {
                        i0 = 0;
                        t = 0;
                    }
                    if (i0 >= in - 1) {
                        i0 = Math.max(0, in - 2);
                        t = in == 1 ? 0 : 1;
                    }
                    start[k] = i0;
                    weights[k] = in == 1 ? new float[] {1} : new float[] {(float) (1 - t), (float) t};
                }
            }
        }

        void apply(float[] in, float[] out) {
            for (int k = 0; k < start.length; k++) {
                float[] wt = weights[k];
                int s = start[k];
                float acc = 0;
                for (int i = 0; i < wt.length; i++) {
                    acc += wt[i] * in[s + i];
                }
                out[k] = acc;
            }
        }
    }
}
