package io.assay.hash.pdq;

import java.util.Arrays;

/**
 * The PDQ algorithm proper, on a float luma plane: two passes of Jarosz box filters along rows and columns, decimation
 * to 64x64, the quality metric, a 16x16 DCT (coefficients 1..16, no DC row or column) and the median threshold.
 * Written from the published description (pdqhash-2017-10-09) so that, fed the same luma, it reproduces the C++
 * reference bit for bit: every float operation happens in the reference's order and precision (IEEE single; Java
 * neither fuses nor reorders them).
 */
public final class Pdq {

    /** Images with a side below this get an all-zero hash of quality 0, as in the reference. */
    public static final int MIN_HASHABLE_DIM = 5;

    private static final int DCT_ROWS = 16;
    private static final int DOWN = 64;
    /** DCT basis rows 1..16 of a 64-point DCT-II, scaled by sqrt(2/64) held as a float, as the reference does. */
    private static final float[] DCT = new float[DCT_ROWS * DOWN];

    static {
        float scale = (float) Math.sqrt(2.0 / DOWN);
        for (int i = 0; i < DCT_ROWS; i++) {
            for (int j = 0; j < DOWN; j++) {
                DCT[i * DOWN + j] = (float) (scale * Math.cos((Math.PI / 2.0 / DOWN) * (i + 1) * (2 * j + 1)));
            }
        }
    }

    private Pdq() {
    }

    /** The 16x16 DCT coefficients of an image and its quality, from which the 8 dihedral hashes follow. */
    public record Dct(float[] coefficients, int quality) {
    }

    /**
     * Hashes a row-major luma plane of {@code height} rows and {@code width} columns. The plane is used as scratch
     * space (it is blurred in place).
     */
    public static PdqHash hash(float[] luma, int width, int height) {
        if (width < MIN_HASHABLE_DIM || height < MIN_HASHABLE_DIM) {
            return new PdqHash(0, 0, 0, 0, 0);
        }
        Dct d = dct(luma, width, height);
        return toHash(d.coefficients(), d.quality());
    }

    /** The 8 dihedral hashes (see {@link Dihedral}) from one DCT. */
    public static DihedralHashes dihedral(float[] luma, int width, int height) {
        if (width < MIN_HASHABLE_DIM || height < MIN_HASHABLE_DIM) {
            PdqHash zero = new PdqHash(0, 0, 0, 0, 0);
            PdqHash[] all = new PdqHash[Dihedral.values().length];
            Arrays.fill(all, zero);
            return new DihedralHashes(all);
        }
        Dct d = dct(luma, width, height);
        PdqHash[] all = new PdqHash[Dihedral.values().length];
        float[] aux = new float[256];
        for (Dihedral t : Dihedral.values()) {
            t.transform(d.coefficients(), aux);
            all[t.ordinal()] = toHash(aux, d.quality());
        }
        return new DihedralHashes(all);
    }

    /** Blur, decimate, quality and DCT. */
    public static Dct dct(float[] luma, int width, int height) {
        if (luma.length < (long) width * height) {
            throw new IllegalArgumentException("luma plane holds " + luma.length + " values, not " + width + "x" + height);
        }
        float[] down = new float[DOWN * DOWN];
        if (width == DOWN && height == DOWN) {
            // Already 64x64 (e.g. a video frame scaled by the decoder): the reference skips the blur.
            System.arraycopy(luma, 0, down, 0, DOWN * DOWN);
        } else {
            float[] scratch = new float[width * height];
            jaroszFilter(luma, scratch, height, width, windowSize(width), windowSize(height));
            decimate(luma, height, width, down);
        }
        int quality = quality(down);
        return new Dct(dct64To16(down), quality);
    }

    /** Window of each of the two box-filter passes: half of (dimension / 64), rounded up. */
    static int windowSize(int dimension) {
        return (dimension + 2 * DOWN - 1) / (2 * DOWN);
    }

    private static void jaroszFilter(float[] buf1, float[] buf2, int rows, int cols, int windowAlongRows,
                                     int windowAlongCols) {
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < rows; i++) {
                box1d(buf1, buf2, i * cols, cols, 1, windowAlongRows);
            }
            for (int j = 0; j < cols; j++) {
                box1d(buf2, buf1, j, rows, cols, windowAlongCols);
            }
        }
    }

    /**
     * A centred moving average over {@code length} values starting at {@code start} with {@code stride}; near the
     * ends the window shrinks instead of padding. Same four phases and float operation order as the reference.
     */
    private static void box1d(float[] in, float[] out, int start, int length, int stride, int window) {
        int half = (window + 2) / 2;
        int phase1 = half - 1;
        int phase2 = window - half + 1;
        int phase3 = length - window;
        int phase4 = half - 1;
        int li = start;
        int ri = start;
        int oi = start;
        float sum = 0f;
        int current = 0;
        for (int i = 0; i < phase1; i++) {
            sum += in[ri];
            current++;
            ri += stride;
        }
        for (int i = 0; i < phase2; i++) {
            sum += in[ri];
            current++;
            out[oi] = sum / current;
            ri += stride;
            oi += stride;
        }
        for (int i = 0; i < phase3; i++) {
            sum += in[ri];
            sum -= in[li];
            out[oi] = sum / current;
            li += stride;
            ri += stride;
            oi += stride;
        }
        for (int i = 0; i < phase4; i++) {
            sum -= in[li];
            current--;
            out[oi] = sum / current;
            li += stride;
            oi += stride;
        }
    }

    /** Samples the blurred plane at the centres of a 64x64 grid. */
    private static void decimate(float[] in, int rows, int cols, float[] out) {
        for (int oi = 0; oi < DOWN; oi++) {
            int ii = (int) (((oi + 0.5) * rows) / DOWN);
            for (int oj = 0; oj < DOWN; oj++) {
                int ij = (int) (((oj + 0.5) * cols) / DOWN);
                out[oi * DOWN + oj] = in[ii * cols + ij];
            }
        }
    }

    /** Sum of quantised gradients between neighbours of the 64x64 image, scaled to 0..100. */
    static int quality(float[] down) {
        int gradientSum = 0;
        for (int i = 0; i < DOWN - 1; i++) {
            for (int j = 0; j < DOWN; j++) {
                float u = down[i * DOWN + j];
                float v = down[(i + 1) * DOWN + j];
                int d = (int) (((u - v) * 100) / 255);
                gradientSum += Math.abs(d);
            }
        }
        for (int i = 0; i < DOWN; i++) {
            for (int j = 0; j < DOWN - 1; j++) {
                float u = down[i * DOWN + j];
                float v = down[i * DOWN + j + 1];
                int d = (int) (((u - v) * 100) / 255);
                gradientSum += Math.abs(d);
            }
        }
        return Math.min(100, gradientSum / 90);
    }

    /** B = D A D^T with D the 16x64 basis, summed in the reference's order. */
    private static float[] dct64To16(float[] a) {
        float[] t = new float[DCT_ROWS * DOWN];
        for (int i = 0; i < DCT_ROWS; i++) {
            int di = i * DOWN;
            for (int j = 0; j < DOWN; j++) {
                float sum = 0f;
                for (int k = 0; k < DOWN; k++) {
                    sum += DCT[di + k] * a[k * DOWN + j];
                }
                t[i * DOWN + j] = sum;
            }
        }
        float[] b = new float[DCT_ROWS * DCT_ROWS];
        for (int i = 0; i < DCT_ROWS; i++) {
            int ti = i * DOWN;
            for (int j = 0; j < DCT_ROWS; j++) {
                int dj = j * DOWN;
                float sum = 0f;
                for (int k = 0; k < DOWN; k++) {
                    sum += t[ti + k] * DCT[dj + k];
                }
                b[i * DCT_ROWS + j] = sum;
            }
        }
        return b;
    }

    /** One bit per coefficient: above the median (the 128th smallest of the 256, as Torben's method picks). */
    static PdqHash toHash(float[] dct16, int quality) {
        float[] sorted = dct16.clone();
        Arrays.sort(sorted);
        float median = sorted[(256 + 1) / 2 - 1];
        boolean[] bits = new boolean[256];
        for (int k = 0; k < 256; k++) {
            bits[k] = dct16[k] > median;
        }
        return PdqHash.fromBits(bits, quality);
    }
}
