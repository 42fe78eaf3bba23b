package io.assay.stream;

import io.assay.core.media.AssetLimits;
import io.assay.core.media.MediaAsset;
import io.assay.hash.pdq.PdqHasher;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

/** Distinct generated images (random shapes per seed), as PNG or JPEG bytes, and their PDQ hashes as Assay computes them. */
final class TestImages {

    private TestImages() {
    }

    static BufferedImage image(long seed, int width, int height) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(r.nextInt(0xFFFFFF)));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 24; i++) {
            g.setColor(new Color(r.nextInt(0xFFFFFF)));
            int w = width / 8 + r.nextInt(width / 2), h = height / 8 + r.nextInt(height / 2);
            int x = r.nextInt(width) - w / 2, y = r.nextInt(height) - h / 2;
            if (r.nextBoolean()) {
                g.fillOval(x, y, w, h);
            } else {
                g.fillRect(x, y, w, h);
            }
        }
        g.dispose();
        return img;
    }

    static byte[] png(long seed, int side) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image(seed, side, side), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] jpeg(long seed, int width, int height) {
        try {
            ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.85f);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
                w.setOutput(ios);
                w.write(null, new IIOImage(photoLike(image(seed, width, height), seed), null, null), p);
            }
            w.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sensor-like noise (±8 per channel), so a JPEG has a photo's size rather than a drawing's. */
    private static BufferedImage photoLike(BufferedImage img, long seed) {
        Random r = new Random(seed ^ 0x5DEECE66DL);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int red = clamp(((rgb >> 16) & 0xFF) + r.nextInt(17) - 8);
                int green = clamp(((rgb >> 8) & 0xFF) + r.nextInt(17) - 8);
                int blue = clamp((rgb & 0xFF) + r.nextInt(17) - 8);
                img.setRGB(x, y, (red << 16) | (green << 8) | blue);
            }
        }
        return img;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** The PDQ hash the stream's known-deepfake analyzer computes for these bytes. */
    static String pdq(byte[] bytes) {
        try {
            MediaAsset asset = MediaAsset.of("x", bytes, AssetLimits.DEFAULT);
            return new PdqHasher(PdqHasher.Preparation.REFERENCE, AssetLimits.DEFAULT.maxPixels()).hash(asset).toHex();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
