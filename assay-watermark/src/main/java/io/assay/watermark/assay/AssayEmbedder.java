package io.assay.watermark.assay;

import io.assay.watermark.image.RgbPixels;

/**
 * Adds the keyed tile pattern, carrying the coded payload, to the image's luma: the same offset on R, G and B, so
 * colour is untouched. The pattern is drawn on the working grid ({@link WorkingLuma}) scaled to the image, i.e. its
 * features are a fixed fraction of the picture whatever its resolution.
 */
final class AssayEmbedder {

    private AssayEmbedder() {
    }

    static RgbPixels embed(RgbPixels img, AssayPayload payload, TileLayout layout, double strength) {
        int w = img.width();
        int h = img.height();
        double f = WorkingLuma.scale(w, h);
        float[] chips = layout.chips(PayloadCode.encode(payload.word()));
        // chip coordinates of each column and row
        double[] cx = new double[w];
        for (int x = 0; x < w; x++) {
            cx[x] = ((x + 0.5) * f - 0.5) / TileLayout.CHIP;
        }
        double[] cy = new double[h];
        for (int y = 0; y < h; y++) {
            cy[y] = ((y + 0.5) * f - 0.5) / TileLayout.CHIP;
        }
        int[] in = img.rgb();
        int[] out = new int[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double d = strength * TileLayout.at(chips, cx[x], cy[y]);
                int p = in[y * w + x];
                int r = clamp((p >>> 16 & 0xFF) + d);
                int g = clamp((p >>> 8 & 0xFF) + d);
                int b = clamp((p & 0xFF) + d);
                out[y * w + x] = r << 16 | g << 8 | b;
            }
        }
        return new RgbPixels(w, h, out);
    }

    private static int clamp(double v) {
        long r = Math.round(v);
        return (int) Math.max(0, Math.min(255, r));
    }
}
