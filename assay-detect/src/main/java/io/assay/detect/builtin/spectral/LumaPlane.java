package io.assay.detect.builtin.spectral;

import java.awt.image.BufferedImage;

/**
 * An image's luma (BT.601 weights, 0..255), row-major. The spectral features look at luma only: generators'
 * up-sampling traces are strongest there, and chroma is often subsampled by the encoder anyway.
 */
public record LumaPlane(double[] values, int width, int height) {

    public LumaPlane {
        if (width <= 0 || height <= 0 || values.length != (long) width * height) {
            throw new IllegalArgumentException("luma plane of " + values.length + " values is not " + width + "x" + height);
        }
    }

    public static LumaPlane of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[] v = new double[w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                v[y * w + x] = 0.299 * (p >> 16 & 0xff) + 0.587 * (p >> 8 & 0xff) + 0.114 * (p & 0xff);
            }
        }
        return new LumaPlane(v, w, h);
    }

    public double at(int x, int y) {
        return values[y * width + x];
    }

    /** The rectangle at (x, y), copied. */
    public LumaPlane crop(int x, int y, int w, int h) {
        if (x < 0 || y < 0 || x + w > width || y + h > height) {
            throw new IllegalArgumentException("crop " + w + "x" + h + "+" + x + "+" + y + " outside " + width + "x" + height);
        }
        double[] v = new double[w * h];
        for (int r = 0; r < h; r++) {
            System.arraycopy(values, (y + r) * width + x, v, r * w, w);
        }
        return new LumaPlane(v, w, h);
    }

    /** Shrunk by an integer factor, each output pixel the mean of its block (what a careful resize does). */
    public LumaPlane shrink(int factor) {
        int w = width / factor;
        int h = height / factor;
        double[] v = new double[w * h];
        double norm = 1.0 / (factor * factor);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int dy = 0; dy < factor; dy++) {
                    for (int dx = 0; dx < factor; dx++) {
                        s += values[(y * factor + dy) * width + x * factor + dx];
                    }
                }
                v[y * w + x] = s * norm;
            }
        }
        return new LumaPlane(v, w, h);
    }

    /** As an 8-bit grey image (rounded and clamped), e.g. to pass it through a JPEG encoder. */
    public BufferedImage toGrayImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < values.length; i++) {
            data[i] = (byte) (int) Math.max(0, Math.min(255, Math.round(values[i])));
        }
        return img;
    }
}
