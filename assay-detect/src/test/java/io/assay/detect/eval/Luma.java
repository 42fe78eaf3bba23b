package io.assay.detect.eval;

import java.awt.image.BufferedImage;

/** Luma (BT.601) of an image as a w*h array, for the test detectors. */
final class Luma {

    final double[] v;
    final int w;
    final int h;

    private Luma(double[] v, int w, int h) {
        this.v = v;
        this.w = w;
        this.h = h;
    }

    static Luma of(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
        double[] v = new double[w * h];
        for (int i = 0; i < v.length; i++) {
            int p = rgb[i];
            v[i] = 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
        }
        return new Luma(v, w, h);
    }

    double at(int x, int y) {
        return v[y * w + x];
    }
}
