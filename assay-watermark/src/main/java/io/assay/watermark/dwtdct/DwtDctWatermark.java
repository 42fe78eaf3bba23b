package io.assay.watermark.dwtdct;

import io.assay.watermark.BitString;
import io.assay.watermark.image.RgbPixels;

import java.awt.image.BufferedImage;

/**
 * The {@code dwtDct} method of the open {@code invisible-watermark} Python package ({@code imwatermark}), which
 * Stable Diffusion's reference scripts apply to every image they output. Written from a reading of its algorithm so
 * that both directions interoperate with it:
 *
 * <ol>
 *   <li>the image goes to OpenCV's 8-bit YUV ({@link OpenCvYuv}); only the U plane carries the mark (the upstream
 *   loop visits channels 0 and 1, and channel 0's scale is 0);</li>
 *   <li>one level of Haar DWT ({@code pywt.dwt2(..., 'haar')}) of the top-left part whose sides are multiples of 4;</li>
 *   <li>the approximation band is cut into 4x4 blocks, row by row; block {@code n} carries bit {@code n mod L};</li>
 *   <li>in each block, the coefficient of largest magnitude other than the block's first is quantised: its magnitude
 *   {@code m} becomes {@code (floor(m / 36) + 0.25 + 0.5 * bit) * 36}. Despite the name, no DCT is taken in this
 *   method: the quantisation acts on the wavelet coefficients themselves;</li>
 *   <li>decoding reads {@code (m mod 36) > 18} for each block and averages the repeats of each bit.</li>
 * </ol>
 *
 * Two upstream quirks are reproduced because they shape the output pixels: the inverse DWT is given the horizontal
 * and vertical detail bands swapped (so every 2x2 block of U comes back transposed), and the float result is stored
 * into the 8-bit plane by truncation with wrap-around (numpy's unsafe cast), not by rounding and clamping.
 */
public final class DwtDctWatermark {

    /** The quantisation step upstream uses on U. */
    public static final int DEFAULT_SCALE = 36;
    /** Upstream refuses images with fewer pixels than this (256 x 256). */
    public static final int MIN_PIXELS = 256 * 256;

    private static final int BLOCK = 4;
    private static final double S = 0.7071067811865476; // pywt's Haar filter tap, 1/sqrt(2)

    private DwtDctWatermark() {
    }

    /** Watermarks the image with {@code bits}, repeated over the whole picture, as {@code encode(img, 'dwtDct')}. */
    public static BufferedImage encode(BufferedImage image, BitString bits) {
        return encode(RgbPixels.of(image), bits).toImage();
    }

    public static RgbPixels encode(RgbPixels image, BitString bits) {
        requireSize(image);
        if (bits.length() == 0) {
            throw new IllegalArgumentException("no bits to embed");
        }
        int w = image.width();
        int h = image.height();
        int[] rgb = image.rgb();
        int n = w * h;
        int[] yp = new int[n];
        int[] up = new int[n];
        int[] vp = new int[n];
        for (int i = 0; i < n; i++) {
            int p = rgb[i];
            int r = p >>> 16 & 0xFF;
            int g = p >>> 8 & 0xFF;
            int b = p & 0xFF;
            int y = OpenCvYuv.y(r, g, b);
            yp[i] = y;
            up[i] = OpenCvYuv.u(b, y);
            vp[i] = OpenCvYuv.v(r, y);
        }
        embedInPlane(up, w, h, bits, DEFAULT_SCALE);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = OpenCvYuv.toRgb(yp[i], up[i], vp[i]);
        }
        return new RgbPixels(w, h, out);
    }

    /**
     * Reads {@code length} bits, as {@code WatermarkDecoder('bits', length).decode(img, 'dwtDct')}, with the share of
     * the repeats of each bit that voted 1 (the confidence of each bit).
     */
    public static DwtDctReading decode(BufferedImage image, int length) {
        return decode(RgbPixels.of(image), length);
    }

    public static DwtDctReading decode(RgbPixels image, int length) {
        requireSize(image);
        if (length <= 0) {
            throw new IllegalArgumentException("length must be positive: " + length);
        }
        int w = image.width();
        int h = image.height();
        int rows = h / 4 * 4;
        int cols = w / 4 * 4;
        int caRows = rows / 2;
        int caCols = cols / 2;
        int[] rgb = image.rgb();
        // the U plane of the region the DWT covers
        int[] u = new int[rows * cols];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                int p = rgb[y * w + x];
                int r = p >>> 16 & 0xFF;
                int g = p >>> 8 & 0xFF;
                int b = p & 0xFF;
                u[y * cols + x] = OpenCvYuv.u(b, OpenCvYuv.y(r, g, b));
            }
        }
        double[] ca = approximation(u, rows, cols);
        long[] ones = new long[length];
        long[] count = new long[length];
        int num = 0;
        double[] block = new double[BLOCK * BLOCK];
        for (int bi = 0; bi < caRows / BLOCK; bi++) {
            for (int bj = 0; bj < caCols / BLOCK; bj++) {
                readBlock(ca, caCols, bi, bj, block);
                int k = largestAfterFirst(block);
                double val = Math.abs(block[k]);
                int bit = num % length;
                count[bit]++;
                if (val % DEFAULT_SCALE > 0.5 * DEFAULT_SCALE) {
                    ones[bit]++;
                }
                num++;
            }
        }
        boolean[] bits = new boolean[length];
        double[] share = new double[length];
        for (int i = 0; i < length; i++) {
            // upstream: mean of the 0/1 votes, times 255, greater than 127 (a bit with no block reads 0)
            share[i] = count[i] == 0 ? Double.NaN : (double) ones[i] / count[i];
            bits[i] = count[i] > 0 && share[i] * 255 > 127;
        }
        return new DwtDctReading(BitString.of(bits), share);
    }

    private static void requireSize(RgbPixels image) {
        if ((long) image.width() * image.height() < MIN_PIXELS) {
            throw new IllegalArgumentException("image too small for dwtDct: " + image.width() + "x" + image.height()
                    + " (needs at least 256x256 pixels in all)");
        }
    }

    /** Quantises one plane (8-bit values, modified in place) as upstream's {@code encode_frame} does. */
    static void embedInPlane(int[] plane, int w, int h, BitString bits, int scale) {
        int rows = h / 4 * 4;
        int cols = w / 4 * 4;
        int caRows = rows / 2;
        int caCols = cols / 2;
        int cells = caRows * caCols;
        double[] ca = new double[cells];
        double[] ch = new double[cells];
        double[] cv = new double[cells];
        double[] cd = new double[cells];
        // forward Haar, in pywt's order of operations: along rows of pixels (axis 0) first, then along columns
        for (int i = 0; i < caRows; i++) {
            for (int j = 0; j < caCols; j++) {
                double a = plane[(2 * i) * w + 2 * j];
                double b = plane[(2 * i) * w + 2 * j + 1];
                double c = plane[(2 * i + 1) * w + 2 * j];
                double d = plane[(2 * i + 1) * w + 2 * j + 1];
                double lo0 = S * a + S * c;
                double hi0 = S * a - S * c;
                double lo1 = S * b + S * d;
                double hi1 = S * b - S * d;
                int k = i * caCols + j;
                ca[k] = S * lo0 + S * lo1;
                cv[k] = S * lo0 - S * lo1;
                ch[k] = S * hi0 + S * hi1;
                cd[k] = S * hi0 - S * hi1;
            }
        }
        int num = 0;
        double[] block = new double[BLOCK * BLOCK];
        for (int bi = 0; bi < caRows / BLOCK; bi++) {
            for (int bj = 0; bj < caCols / BLOCK; bj++) {
                readBlock(ca, caCols, bi, bj, block);
                int k = largestAfterFirst(block);
                boolean bit = bits.get(num % bits.length());
                double val = block[k];
                double q;
                if (val >= 0.0) {
                    q = (floorDiv(val, scale) + 0.25 + 0.5 * (bit ? 1 : 0)) * scale;
                } else {
                    q = -1.0 * (floorDiv(Math.abs(val), scale) + 0.25 + 0.5 * (bit ? 1 : 0)) * scale;
                }
                ca[(bi * BLOCK + k / BLOCK) * caCols + bj * BLOCK + k % BLOCK] = q;
                num++;
            }
        }
        // inverse Haar with upstream's band order (cA, (cV, cH, cD)): the detail bands go back swapped
        for (int i = 0; i < caRows; i++) {
            for (int j = 0; j < caCols; j++) {
                int k = i * caCols + j;
                double lowL = ca[k];
                double lowH = ch[k]; // sits where cV belongs
                double highL = cv[k]; // sits where cH belongs
                double highH = cd[k];
                double a0 = S * lowL + S * lowH;
                double a1 = S * lowL - S * lowH;
                double d0 = S * highL + S * highH;
                double d1 = S * highL - S * highH;
                plane[(2 * i) * w + 2 * j] = toUint8(S * a0 + S * d0);
                plane[(2 * i + 1) * w + 2 * j] = toUint8(S * a0 - S * d0);
                plane[(2 * i) * w + 2 * j + 1] = toUint8(S * a1 + S * d1);
                plane[(2 * i + 1) * w + 2 * j + 1] = toUint8(S * a1 - S * d1);
            }
        }
    }

    /** The approximation band of a plane of {@code rows x cols} values (both even). */
    private static double[] approximation(int[] plane, int rows, int cols) {
        int caRows = rows / 2;
        int caCols = cols / 2;
        double[] ca = new double[caRows * caCols];
        for (int i = 0; i < caRows; i++) {
            for (int j = 0; j < caCols; j++) {
                double a = plane[(2 * i) * cols + 2 * j];
                double b = plane[(2 * i) * cols + 2 * j + 1];
                double c = plane[(2 * i + 1) * cols + 2 * j];
                double d = plane[(2 * i + 1) * cols + 2 * j + 1];
                ca[i * caCols + j] = S * (S * a + S * c) + S * (S * b + S * d);
            }
        }
        return ca;
    }

    private static void readBlock(double[] ca, int caCols, int bi, int bj, double[] block) {
        for (int r = 0; r < BLOCK; r++) {
            for (int c = 0; c < BLOCK; c++) {
                block[r * BLOCK + c] = ca[(bi * BLOCK + r) * caCols + bj * BLOCK + c];
            }
        }
    }

    /** numpy's {@code argmax(abs(block.flatten()[1:])) + 1}: the first of the largest magnitudes after the first. */
    private static int largestAfterFirst(double[] block) {
        int best = 1;
        double max = Math.abs(block[1]);
        for (int k = 2; k < block.length; k++) {
            double m = Math.abs(block[k]);
            if (m > max) {
                max = m;
                best = k;
            }
        }
        return best;
    }

    /** numpy's float {@code a // b} for {@code a >= 0, b > 0}, computed as its {@code npy_divmod} does. */
    static double floorDiv(double a, double b) {
        double mod = a % b;
        double div = (a - mod) / b;
        if (div == 0) {
            return 0.0;
        }
        double fl = Math.floor(div);
        if (div - fl > 0.5) {
            fl += 1.0;
        }
        return fl;
    }

    /** numpy's unsafe float-to-uint8 store on x86-64: truncate toward zero, keep the low 8 bits. */
    private static int toUint8(double v) {
        return (int) (long) v & 0xFF;
    }
}
