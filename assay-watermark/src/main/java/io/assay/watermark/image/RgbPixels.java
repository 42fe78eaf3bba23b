package io.assay.watermark.image;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * An image as packed 8-bit {@code 0xRRGGBB} pixels, row by row. Both watermark schemes work on this form; alpha is
 * dropped (as OpenCV's {@code imread} drops it).
 *
 * @param width  columns
 * @param height rows
 * @param rgb    {@code width * height} packed pixels
 */
public record RgbPixels(int width, int height, int[] rgb) {

    public RgbPixels {
        if (width <= 0 || height <= 0 || rgb.length != (long) width * height) {
            throw new IllegalArgumentException("bad dimensions " + width + "x" + height + " for " + rgb.length + " pixels");
        }
    }

    /**
     * Reads the image's pixels. Grey images are read from their samples directly: {@code getRGB} would map Java's
     * linear grey colour space to sRGB and brighten them, which no other tool does.
     */
    public static RgbPixels of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] out = new int[w * h];
        Raster r = image.getRaster();
        int bands = r.getNumBands();
        boolean grey = image.getColorModel().getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY && bands <= 2;
        if (grey) {
            int bits = image.getColorModel().getComponentSize(0);
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                r.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    int v = bits > 8 ? row[x] >>> (bits - 8) : bits < 8 ? row[x] * 255 / ((1 << bits) - 1) : row[x];
                    out[y * w + x] = v << 16 | v << 8 | v;
                }
            }
        } else {
            image.getRGB(0, 0, w, h, out, 0, w);
            for (int i = 0; i < out.length; i++) {
                out[i] &= 0xFFFFFF;
            }
        }
        return new RgbPixels(w, h, out);
    }

    /** A new {@link BufferedImage#TYPE_INT_RGB} image holding these pixels. */
    public BufferedImage toImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, width, height, rgb, 0, width);
        return img;
    }

    public RgbPixels copy() {
        return new RgbPixels(width, height, rgb.clone());
    }
}
