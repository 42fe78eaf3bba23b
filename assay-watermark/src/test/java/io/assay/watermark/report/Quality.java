package io.assay.watermark.report;

import io.assay.watermark.image.RgbPixels;

/** Image-quality measures for the reports. */
public final class Quality {

    private Quality() {
    }

    /** PSNR in dB over R, G and B. */
    public static double psnr(RgbPixels a, RgbPixels b) {
        double se = 0;
        int[] p = a.rgb();
        int[] q = b.rgb();
        for (int i = 0; i < p.length; i++) {
            for (int s = 0; s < 24; s += 8) {
                double d = (p[i] >>> s & 0xFF) - (q[i] >>> s & 0xFF);
                se += d * d;
            }
        }
        double mse = se / (3.0 * p.length);
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255 * 255 / mse);
    }
}
