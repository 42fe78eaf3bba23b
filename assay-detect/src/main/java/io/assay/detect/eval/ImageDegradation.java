package io.assay.detect.eval;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

/** The image changes of the robustness conditions: JPEG re-encoding and halving the size. */
public final class ImageDegradation {

    private ImageDegradation() {
    }

    /** The image as a baseline JPEG at {@code quality} (1..100) with ImageIO's encoder; transparency goes onto white. */
    public static byte[] jpeg(BufferedImage image, int quality) throws IOException {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality must be within 1..100: " + quality);
        }
        BufferedImage rgb = opaqueRgb(image);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IOException("no JPEG encoder in ImageIO");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality / 100f);
            writer.write(null, new IIOImage(rgb, null, null), p);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * The image at half its width and height (at least 1 pixel), each output pixel the mean of the 2x2 source block
     * it covers (area averaging, which is what a photo service's downscaler does; a last odd row or column is
     * averaged over the pixels that exist). Alpha is kept.
     */
    public static BufferedImage halve(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        int ow = Math.max(1, w / 2);
        int oh = Math.max(1, h / 2);
        boolean alpha = src.getColorModel().hasAlpha();
        BufferedImage out = new BufferedImage(ow, oh, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] row0 = new int[w];
        int[] dst = new int[ow];
        for (int y = 0; y < oh; y++) {
            int y0 = 2 * y;
            // An odd last row joins the output row above it (ow/oh use floor), so blocks can be up to 3 tall or wide.
            int yEnd = y == oh - 1 ? h : Math.min(2 * y + 2, h);
            long[] acc = new long[ow * 4];
            int[] cnt = new int[ow];
            for (int sy = y0; sy < yEnd; sy++) {
                src.getRGB(0, sy, w, 1, row0, 0, w);
                for (int x = 0; x < ow; x++) {
                    int x0 = 2 * x;
                    int xEnd = x == ow - 1 ? w : Math.min(2 * x + 2, w);
                    for (int sx = x0; sx < xEnd; sx++) {
                        int p = row0[sx];
                        acc[4 * x] += p >>> 24;
                        acc[4 * x + 1] += (p >> 16) & 0xff;
                        acc[4 * x + 2] += (p >> 8) & 0xff;
                        acc[4 * x + 3] += p & 0xff;
                        cnt[x]++;
                    }
                }
            }
            for (int x = 0; x < ow; x++) {
                int n = cnt[x];
                int a = alpha ? (int) ((acc[4 * x] + n / 2) / n) : 0xff;
                dst[x] = a << 24 | (int) ((acc[4 * x + 1] + n / 2) / n) << 16
                        | (int) ((acc[4 * x + 2] + n / 2) / n) << 8 | (int) ((acc[4 * x + 3] + n / 2) / n);
            }
            out.setRGB(0, y, ow, 1, dst, 0, ow);
        }
        return out;
    }

    static BufferedImage opaqueRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }
}
