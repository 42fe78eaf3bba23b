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
     * space (its contents afterwards are unspecified).
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
            blurAndDecimate(luma, height, width, down);
        }
        int quality = quality(down);
        return new Dct(dct64To16(down), quality);
    }

    /** Window of each of the two box-filter passes: half of (dimension / 64), rounded up. */
    static int windowSize(int dimension) {
        return (dimension + 2 * DOWN - 1) / (2 * DOWN);
    }

    /**
     * The reference's two-pass Jarosz blur (see {@link #jaroszFilterReference}) followed by {@link #decimate}, with
     * the same float operations in the same order for every value that reaches the 64x64 result, so the output is
     * bit-identical; only the order in which independent rows and columns are visited differs, and values the
     * decimation never reads are not computed:
     * <ul>
     *   <li>pass 1 along rows: four rows at a time (independent running sums, so the CPU overlaps them), the
     *   division by the window count afterwards as a separate loop the JIT vectorises;</li>
     *   <li>pass 1 along columns: all columns advance together, row by row ({@link #boxAlongColumns});</li>
     *   <li>pass 2 along rows: the running sums as in pass 1, divided only at the 64 columns the decimation
     *   samples;</li>
     *   <li>pass 2 along columns: only those 64 columns (gathered into a {@code rows x 64} plane), and the 64 sampled
     *   rows are then picked from it.</li>
     * </ul>
     * {@code luma} is overwritten.
     */
    private static void blurAndDecimate(float[] luma, int rows, int cols, float[] down) {
        int windowAlongRows = windowSize(cols);
        int windowAlongCols = windowSize(rows);
        float[] tmp = new float[rows * cols];
        float[] rowCounts = windowCounts(cols, windowAlongRows);
        // pass 1
        runningSumsAlongRows(luma, tmp, rows, cols, windowAlongRows);
        for (int i = 0, base = 0; i < rows; i++, base += cols) {
            for (int j = 0; j < cols; j++) {
                tmp[base + j] = tmp[base + j] / rowCounts[j];
            }
        }
        boxAlongColumns(tmp, luma, rows, cols, windowAlongCols);
        // pass 2, only where the decimation looks
        runningSumsAlongRows(luma, tmp, rows, cols, windowAlongRows);
        int[] sampledCols = new int[DOWN];
        for (int oj = 0; oj < DOWN; oj++) {
            sampledCols[oj] = (int) (((oj + 0.5) * cols) / DOWN);
        }
        float[] gathered = new float[rows * DOWN];
        for (int i = 0; i < rows; i++) {
            int in = i * cols;
            int out = i * DOWN;
            for (int k = 0; k < DOWN; k++) {
                int j = sampledCols[k];
                gathered[out + k] = tmp[in + j] / rowCounts[j];
            }
        }
        float[] blurred = new float[rows * DOWN];
        boxAlongColumns(gathered, blurred, rows, DOWN, windowAlongCols);
        for (int oi = 0; oi < DOWN; oi++) {
            int ii = (int) (((oi + 0.5) * rows) / DOWN);
            System.arraycopy(blurred, ii * DOWN, down, oi * DOWN, DOWN);
        }
    }

    /**
     * The number of values averaged at each output position of {@link #box1d} over {@code length} values, as the
     * float it divides by.
     */
    private static float[] windowCounts(int length, int window) {
        int half = (window + 2) / 2;
        int phase1 = half - 1;
        int phase2 = window - half + 1;
        int phase3 = length - window;
        int phase4 = half - 1;
        float[] counts = new float[length];
        int current = phase1;
        int o = 0;
        for (int i = 0; i < phase2; i++) {
            counts[o++] = ++current;
        }
        for (int i = 0; i < phase3; i++) {
            counts[o++] = current;
        }
        for (int i = 0; i < phase4; i++) {
            counts[o++] = --current;
        }
        return counts;
    }

    /**
     * The running sums of {@link #box1d} along every row (before its division): {@code out[i][j]} is the sum that
     * box1d divides to produce its output j of row i, accumulated in the same order. Rows go four at a time.
     */
    private static void runningSumsAlongRows(float[] in, float[] out, int rows, int cols, int window) {
        int i = 0;
        for (; i + 4 <= rows; i += 4) {
            runningSums4(in, out, i * cols, (i + 1) * cols, (i + 2) * cols, (i + 3) * cols, cols, window);
        }
        for (; i < rows; i++) {
            int b = i * cols;
            runningSums4(in, out, b, b, b, b, cols, window); // the same row four times: same values written
        }
    }

    private static void runningSums4(float[] in, float[] out, int b0, int b1, int b2, int b3, int length,
                                     int window) {
        int half = (window + 2) / 2;
        int phase1 = half - 1;
        int phase2 = window - half + 1;
        int phase3 = length - window;
        int phase4 = half - 1;
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int li = 0;
        int ri = 0;
        int oi = 0;
        for (int k = 0; k < phase1; k++, ri++) {
            s0 += in[b0 + ri];
            s1 += in[b1 + ri];
            s2 += in[b2 + ri];
            s3 += in[b3 + ri];
        }
        for (int k = 0; k < phase2; k++, ri++, oi++) {
            s0 += in[b0 + ri];
            s1 += in[b1 + ri];
            s2 += in[b2 + ri];
            s3 += in[b3 + ri];
            out[b0 + oi] = s0;
            out[b1 + oi] = s1;
            out[b2 + oi] = s2;
            out[b3 + oi] = s3;
        }
        for (int k = 0; k < phase3; k++, li++, ri++, oi++) {
            s0 += in[b0 + ri];
            s1 += in[b1 + ri];
            s2 += in[b2 + ri];
            s3 += in[b3 + ri];
            s0 -= in[b0 + li];
            s1 -= in[b1 + li];
            s2 -= in[b2 + li];
            s3 -= in[b3 + li];
            out[b0 + oi] = s0;
            out[b1 + oi] = s1;
            out[b2 + oi] = s2;
            out[b3 + oi] = s3;
        }
        for (int k = 0; k < phase4; k++, li++, oi++) {
            s0 -= in[b0 + li];
            s1 -= in[b1 + li];
            s2 -= in[b2 + li];
            s3 -= in[b3 + li];
            out[b0 + oi] = s0;
            out[b1 + oi] = s1;
            out[b2 + oi] = s2;
            out[b3 + oi] = s3;
        }
    }

    /**
     * {@link #box1d} down every column of a row-major {@code rows x cols} plane at once: per column, the same
     * additions, subtractions and divisions in the same order; row by row, so memory is read in order and the JIT
     * vectorises across columns.
     */
    private static void boxAlongColumns(float[] in, float[] out, int rows, int cols, int window) {
        int half = (window + 2) / 2;
        int phase1 = half - 1;
        int phase2 = window - half + 1;
        int phase3 = rows - window;
        int phase4 = half - 1;
        float[] sum = new float[cols];
        int li = 0;
        int ri = 0;
        int oi = 0;
        int current = 0;
        for (int i = 0; i < phase1; i++, ri += cols) {
            current++;
            for (int j = 0; j < cols; j++) {
                sum[j] += in[ri + j];
            }
        }
        for (int i = 0; i < phase2; i++, ri += cols, oi += cols) {
            current++;
            float c = current;
            for (int j = 0; j < cols; j++) {
                float s = sum[j] + in[ri + j];
                sum[j] = s;
                out[oi + j] = s / c;
            }
        }
        float c3 = current;
        for (int i = 0; i < phase3; i++, li += cols, ri += cols, oi += cols) {
            for (int j = 0; j < cols; j++) {
                float s = sum[j] + in[ri + j];
                s -= in[li + j];
                sum[j] = s;
                out[oi + j] = s / c3;
            }
        }
        for (int i = 0; i < phase4; i++, li += cols, oi += cols) {
            current--;
            float c = current;
            for (int j = 0; j < cols; j++) {
                float s = sum[j] - in[li + j];
                sum[j] = s;
                out[oi + j] = s / c;
            }
        }
    }

    /**
     * The reference's loop ({@code jaroszFilterFloat} in pdqhashing.cpp), kept as the specification that
     * {@link #blurAndDecimate} must reproduce bit for bit: {@code jaroszFilterReference} then {@link #decimate}.
     */
    static void jaroszFilterReference(float[] buf1, float[] buf2, int rows, int cols, int windowAlongRows,
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

    /** The reference's blur and decimation, unoptimised (for checking {@link #dct}). */
    static float[] referenceDown(float[] luma, int width, int height) {
        float[] down = new float[DOWN * DOWN];
        float[] scratch = new float[width * height];
        jaroszFilterReference(luma, scratch, height, width, windowSize(width), windowSize(height));
        decimate(luma, height, width, down);
        return down;
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
