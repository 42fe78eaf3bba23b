package io.assay.watermark.assay;

import java.util.SplittableRandom;

/**
 * The keyed layout of one watermark tile: a periodic grid of {@link #NODES} x {@link #NODES} chips, {@link #CHIP}
 * working pixels apart (so the tile is {@link #TILE} working pixels square). Each chip is +1 or -1; between chips
 * the pattern is interpolated bilinearly, which keeps it smooth and band-limited (below about 1/8 cycle per working
 * pixel), where JPEG and downscaling leave it alone. A keyed shuffle assigns {@link #SYNC_CHIPS} chips to the sync
 * pattern (fixed signs) and {@link #CHIPS_PER_BIT} chips to each of the {@link PayloadCode#CODED_BITS} coded bits.
 */
final class TileLayout {

    static final int NODES = 32;
    static final int CHIP = 4;
    static final int TILE = NODES * CHIP;
    static final int CHIPS_PER_BIT = 4;
    static final int SYNC_CHIPS = NODES * NODES - PayloadCode.CODED_BITS * CHIPS_PER_BIT;

    /** For each chip: -1 if it belongs to the sync pattern, else the index of its coded bit. */
    final int[] bitOf = new int[NODES * NODES];
    /** For each chip: its keyed sign, +1 or -1. */
    final int[] sign = new int[NODES * NODES];

    TileLayout(AssayWatermarkKey key) {
        SplittableRandom rnd = new SplittableRandom(key.seed() ^ 0x5DEECE66DL);
        int n = NODES * NODES;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int k = 0; k < n; k++) {
            bitOf[order[k]] = k < SYNC_CHIPS ? -1 : (k - SYNC_CHIPS) / CHIPS_PER_BIT;
        }
        for (int i = 0; i < n; i++) {
            sign[i] = rnd.nextBoolean() ? 1 : -1;
        }
    }

    /** Chip values for a codeword (coded bits 0/1): sync chips keep their sign, payload chips are sign * (+-1). */
    float[] chips(int[] codeword) {
        float[] v = new float[NODES * NODES];
        for (int i = 0; i < v.length; i++) {
            v[i] = bitOf[i] < 0 ? sign[i] : sign[i] * (codeword[bitOf[i]] == 1 ? 1 : -1);
        }
        return v;
    }

    /** Chip values of the sync pattern alone (payload chips 0). */
    float[] syncChips() {
        float[] v = new float[NODES * NODES];
        for (int i = 0; i < v.length; i++) {
            v[i] = bitOf[i] < 0 ? sign[i] : 0;
        }
        return v;
    }

    /** The pattern over one tile at working resolution, {@code TILE x TILE}, row by row. */
    static double[] render(float[] chips) {
        double[] out = new double[TILE * TILE];
        for (int y = 0; y < TILE; y++) {
            for (int x = 0; x < TILE; x++) {
                out[y * TILE + x] = at(chips, x / (double) CHIP, y / (double) CHIP);
            }
        }
        return out;
    }

    /** The interpolated pattern at chip coordinates (cx, cy), periodic. */
    static double at(float[] chips, double cx, double cy) {
        double fx = Math.floor(cx);
        double fy = Math.floor(cy);
        double tx = cx - fx;
        double ty = cy - fy;
        int x0 = Math.floorMod((long) fx, NODES);
        int y0 = Math.floorMod((long) fy, NODES);
        int x1 = (x0 + 1) % NODES;
        int y1 = (y0 + 1) % NODES;
        return (1 - ty) * ((1 - tx) * chips[y0 * NODES + x0] + tx * chips[y0 * NODES + x1])
                + ty * ((1 - tx) * chips[y1 * NODES + x0] + tx * chips[y1 * NODES + x1]);
    }
}
