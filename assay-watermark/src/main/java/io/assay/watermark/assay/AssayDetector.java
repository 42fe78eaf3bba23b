package io.assay.watermark.assay;

import io.assay.watermark.image.RgbPixels;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds an Assay watermark made with one key. Thread-safe; keep one per key (it caches the key's templates).
 *
 * <ol>
 *   <li>luma on the working grid (longer side 512), high-passed and clipped;</li>
 *   <li>the tile period: the strongest peaks of the residual's autocorrelation along both axes between 0.7 and 1.5
 *   tiles (a crop or a resize changes the scale between embedding and detection), each refined in quarter-pixel
 *   steps;</li>
 *   <li>for each candidate period, the residual is folded onto one tile (averaging every repeat) and
 *   cross-correlated with the keyed sync pattern at all offsets by FFT; the candidate whose peak stands highest above
 *   the spread of all offsets (its z-score) wins, and its offset undoes any crop;</li>
 *   <li>at that offset the 162 coded bits are read (soft values), Viterbi-decoded and checked by their CRC-16.</li>
 * </ol>
 * A mark is reported only if the sync z-score reaches the threshold and the CRC matches.
 */
public final class AssayDetector {

    /** Default sync z-score threshold; see the README for the null distribution it was chosen from. */
    public static final double DEFAULT_MIN_SYNC_SCORE = 7.0;

    static final int RESIDUAL_RADIUS = 2;
    private static final int T = TileLayout.TILE;

    private final TileLayout layout;
    private final double minSyncScore;
    private final double[] templateRe;
    private final double[] templateIm;

    public AssayDetector(AssayWatermarkKey key) {
        this(key, DEFAULT_MIN_SYNC_SCORE);
    }

    public AssayDetector(AssayWatermarkKey key, double minSyncScore) {
        this.layout = new TileLayout(key);
        this.minSyncScore = minSyncScore;
        double[] s = TileLayout.render(layout.syncChips());
        float[] sf = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            sf[i] = (float) s[i];
        }
        float[] filtered = WorkingLuma.boxHighPass(sf, T, T, RESIDUAL_RADIUS, true);
        templateRe = new double[T * T];
        templateIm = new double[T * T];
        for (int i = 0; i < filtered.length; i++) {
            templateRe[i] = filtered[i];
        }
        Fft.transform2d(templateRe, templateIm, T, false);
    }

    public double minSyncScore() {
        return minSyncScore;
    }

    /**
     * What the detector measured, found or not.
     *
     * @param found          sync score at or over the threshold and payload CRC valid
     * @param payload        the payload when found, else null
     * @param syncScore      z-score of the best sync correlation peak over all offsets and candidate periods
     * @param codedBitErrors coded bits corrected when found, else -1
     * @param crcValid       whether the bits read at the best candidate passed the CRC (whatever the sync score)
     * @param period         the tile period chosen, in working pixels (128 = the embedding scale)
     * @param offsetX        the tile offset chosen, in working pixels
     * @param offsetY        likewise, vertically
     */
    public record Reading(boolean found, AssayPayload payload, double syncScore, int codedBitErrors, boolean crcValid,
                          double period, int offsetX, int offsetY) {
    }

    public Reading detect(RgbPixels img) {
        return detect(prepare(img));
    }

    /**
     * The key-independent part of detection: the working residual folded at each candidate period, with the
     * folds' spectra. One preparation serves detectors of any number of keys.
     */
    public static Prepared prepare(RgbPixels img) {
        WorkingLuma wl = WorkingLuma.of(img);
        if (Math.max(wl.width, wl.height) < T + T / 2 || Math.min(wl.width, wl.height) < T / 2) {
            return new Prepared(List.of());
        }
        float[] r = wl.residual(RESIDUAL_RADIUS);
        List<Fold> folds = new ArrayList<>();
        for (double p : periodCandidates(r, wl.width, wl.height)) {
            folds.add(fold(r, wl.width, wl.height, p));
        }
        return new Prepared(folds);
    }

    /** An image prepared for detection; see {@link #prepare}. */
    public record Prepared(List<Fold> folds) {
    }

    /** The residual folded onto one tile at one candidate period, and its spectrum. */
    record Fold(double period, float[] folded, double[] re, double[] im) {
    }

    public Reading detect(Prepared prepared) {
        Candidate best = null;
        for (Fold f : prepared.folds()) {
            Candidate c = evaluate(f);
            if (best == null || c.z > best.z) {
                best = c;
            }
        }
        return best == null ? new Reading(false, null, 0, -1, false, 0, 0, 0) : decode(best);
    }

    /** Reads the payload at the best candidate's period and offset. */
    private Reading decode(Candidate c) {
        float[] g = WorkingLuma.boxHighPass(c.folded, T, T, RESIDUAL_RADIUS, true);
        double[] softChip = new double[TileLayout.NODES * TileLayout.NODES];
        for (int j = 0; j < TileLayout.NODES; j++) {
            for (int i = 0; i < TileLayout.NODES; i++) {
                int px = i * TileLayout.CHIP + c.dx;
                int py = j * TileLayout.CHIP + c.dy;
                double s = 0;
                for (int qy = -TileLayout.CHIP + 1; qy < TileLayout.CHIP; qy++) {
                    double wy = 1 - Math.abs(qy) / (double) TileLayout.CHIP;
                    int row = Math.floorMod(py + qy, T) * T;
                    for (int qx = -TileLayout.CHIP + 1; qx < TileLayout.CHIP; qx++) {
                        double wx = 1 - Math.abs(qx) / (double) TileLayout.CHIP;
                        s += wx * wy * g[row + Math.floorMod(px + qx, T)];
                    }
                }
                softChip[j * TileLayout.NODES + i] = s;
            }
        }
        double[] soft = new double[PayloadCode.CODED_BITS];
        for (int k = 0; k < softChip.length; k++) {
            int b = layout.bitOf[k];
            if (b >= 0) {
                soft[b] += layout.sign[k] * softChip[k];
            }
        }
        long word = PayloadCode.decode(soft);
        int errors = -1;
        AssayPayload payload = null;
        if (word >= 0) {
            payload = AssayPayload.ofWord(word);
            int[] cw = PayloadCode.encode(word);
            errors = 0;
            for (int i = 0; i < cw.length; i++) {
                if ((soft[i] > 0 ? 1 : 0) != cw[i]) {
                    errors++;
                }
            }
        }
        boolean found = payload != null && c.z >= minSyncScore;
        return new Reading(found, found ? payload : null, c.z, found ? errors : -1, payload != null, c.period, c.dx, c.dy);
    }

    private record Candidate(double period, double z, int dx, int dy, float[] folded) {
    }

    /** Folds the residual with period p onto one tile (each bin the mean of the pixels that land in it). */
    private static Fold fold(float[] r, int w, int h, double p) {
        double[] sum = new double[T * T];
        int[] count = new int[T * T];
        double k = T / p;
        int[] binX = new int[w];
        for (int x = 0; x < w; x++) {
            binX[x] = Math.floorMod((long) Math.floor(x * k + 0.5), T);
        }
        for (int y = 0; y < h; y++) {
            int by = Math.floorMod((long) Math.floor(y * k + 0.5), T) * T;
            for (int x = 0; x < w; x++) {
                int b = by + binX[x];
                sum[b] += r[y * w + x];
                count[b]++;
            }
        }
        float[] folded = new float[T * T];
        double[] re = new double[T * T];
        double[] im = new double[T * T];
        for (int i = 0; i < folded.length; i++) {
            folded[i] = count[i] == 0 ? 0 : (float) (sum[i] / count[i]);
            re[i] = folded[i];
        }
        Fft.transform2d(re, im, T, false);
        return new Fold(p, folded, re, im);
    }

    /** Cross-correlates a fold with this key's sync pattern at every offset; the peak's z-score and place. */
    private Candidate evaluate(Fold f) {
        double[] re = new double[T * T];
        double[] im = new double[T * T];
        for (int i = 0; i < re.length; i++) {
            // F * conj(S)
            double a = f.re()[i];
            double b = f.im()[i];
            re[i] = a * templateRe[i] + b * templateIm[i];
            im[i] = b * templateRe[i] - a * templateIm[i];
        }
        Fft.transform2d(re, im, T, true);
        double mean = 0;
        double max = Double.NEGATIVE_INFINITY;
        int arg = 0;
        for (int i = 0; i < re.length; i++) {
            mean += re[i];
            if (re[i] > max) {
                max = re[i];
                arg = i;
            }
        }
        mean /= re.length;
        double var = 0;
        for (double v : re) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / re.length);
        double z = sd == 0 ? 0 : (max - mean) / sd;
        return new Candidate(f.period(), z, arg % T, arg / T, f.folded());
    }

    static final int PEAKS = 4;

    private static double prominence(double[] a, int k) {
        if (k - 6 < 0 || k + 6 >= a.length || Double.isNaN(a[k]) || Double.isNaN(a[k - 6]) || Double.isNaN(a[k + 6])) {
            return 0;
        }
        return a[k] - 0.5 * (a[k - 6] + a[k + 6]);
    }

    /** Mean product of residuals {@code k} apart along rows and along columns; NaN when the image is too small. */
    private static double acf(float[] r, int w, int h, int k) {
        double s = 0;
        long n = 0;
        if (k < w) {
            for (int y = 0; y < h; y++) {
                int row = y * w;
                for (int x = 0; x + k < w; x++) {
                    s += r[row + x] * r[row + x + k];
                }
            }
            n += (long) (w - k) * h;
        }
        if (k < h) {
            for (int y = 0; y + k < h; y++) {
                int row = y * w;
                int row2 = (y + k) * w;
                for (int x = 0; x < w; x++) {
                    s += r[row + x] * r[row2 + x];
                }
            }
            n += (long) (h - k) * w;
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Tile periods (working pixels) worth trying: refined peaks of the residual's axial autocorrelation. */
    static List<Double> periodCandidates(float[] r, int w, int h) {
        int kMin = (int) (0.7 * T);
        int kMax = (int) (1.5 * T);
        double[] acf = new double[kMax + 1 + 8];
        for (int k = kMin - 8; k <= kMax + 8; k++) {
            acf[k] = acf(r, w, h, k);
        }
        // second repeat: lags 2*kMin-8 .. 2*kMax+8, stored from index 0
        double[] acf2 = new double[2 * (kMax - kMin) + 17];
        for (int i = 0; i < acf2.length; i++) {
            acf2[i] = acf(r, w, h, 2 * kMin - 8 + i);
        }
        // the watermark's peak is narrow (a chip wide), the host's correlation broad: rank lags by prominence over
        // the neighbourhood, plus that of the second repeat (2k) where the image is large enough to show it
        double[] score = new double[kMax + 1];
        for (int k = kMin; k <= kMax; k++) {
            score[k] = prominence(acf, k) + prominence(acf2, 2 * k - 2 * kMin + 8);
        }
        List<Integer> peaks = new ArrayList<>();
        for (int k = kMin + 1; k < kMax; k++) {
            if (score[k] > score[k - 1] && score[k] >= score[k + 1]) {
                peaks.add(k);
            }
        }
        peaks.sort((a, b) -> Double.compare(score[b], score[a]));
        List<Double> out = new ArrayList<>();
        out.add((double) T);
        for (int i = 0; i < Math.min(PEAKS, peaks.size()); i++) {
            int k = peaks.get(i);
            for (double d = -0.75; d <= 0.75; d += 0.25) {
                out.add(k + d);
            }
        }
        if (out.isEmpty()) {
            out.add((double) T);
        }
        return out;
    }
}
