package io.assay.watermark.testing;

import io.assay.watermark.image.RgbPixels;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.UnaryOperator;

/** The transformations a platform (or a person) applies to an image, for the robustness tests. */
public final class Attacks {

    private Attacks() {
    }

    public record Attack(String name, UnaryOperator<RgbPixels> apply) {
    }

    public static RgbPixels jpeg(RgbPixels img, int quality) {
        try {
            ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bos)) {
                w.setOutput(out);
                ImageWriteParam p = w.getDefaultWriteParam();
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(quality / 100f);
                w.write(null, new IIOImage(img.toImage(), null, null), p);
            } finally {
                w.dispose();
            }
            return RgbPixels.of(ImageIO.read(new ByteArrayInputStream(bos.toByteArray())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resizes with bilinear interpolation (Java2D), as a plain image pipeline would. */
    public static RgbPixels resize(RgbPixels img, double factor) {
        int w = Math.max(1, (int) Math.round(img.width() * factor));
        int h = Math.max(1, (int) Math.round(img.height() * factor));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(img.toImage(), 0, 0, w, h, null);
        g.dispose();
        return RgbPixels.of(out);
    }

    /** Keeps the region from fractions (left, top) to (right, bottom) of the image. */
    public static RgbPixels crop(RgbPixels img, double left, double top, double right, double bottom) {
        int x0 = (int) Math.round(img.width() * left);
        int y0 = (int) Math.round(img.height() * top);
        int x1 = (int) Math.round(img.width() * right);
        int y1 = (int) Math.round(img.height() * bottom);
        int w = x1 - x0;
        int h = y1 - y0;
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(img.rgb(), (y + y0) * img.width() + x0, out, y * w, w);
        }
        return new RgbPixels(w, h, out);
    }

    /** Multiplies every channel by {@code factor}, clipping at 255. */
    public static RgbPixels brightness(RgbPixels img, double factor) {
        int[] out = new int[img.rgb().length];
        for (int i = 0; i < out.length; i++) {
            int p = img.rgb()[i];
            int r = (int) Math.min(255, Math.round((p >>> 16 & 0xFF) * factor));
            int g = (int) Math.min(255, Math.round((p >>> 8 & 0xFF) * factor));
            int b = (int) Math.min(255, Math.round((p & 0xFF) * factor));
            out[i] = r << 16 | g << 8 | b;
        }
        return new RgbPixels(img.width(), img.height(), out);
    }

    /** The attacks of the README's table. */
    public static List<Attack> standard() {
        return List.of(
                new Attack("none", i -> i),
                new Attack("jpeg q75", i -> jpeg(i, 75)),
                new Attack("jpeg q50", i -> jpeg(i, 50)),
                new Attack("resize 50%", i -> resize(i, 0.5)),
                new Attack("crop 10% left", i -> crop(i, 0.10, 0, 1, 1)),
                new Attack("crop 10% right", i -> crop(i, 0, 0, 0.90, 1)),
                new Attack("crop 10% top", i -> crop(i, 0, 0.10, 1, 1)),
                new Attack("crop 10% bottom", i -> crop(i, 0, 0, 1, 0.90)),
                new Attack("crop 10% centred", i -> crop(i, 0.05, 0.05, 0.95, 0.95)),
                new Attack("brightness +15%", i -> brightness(i, 1.15)),
                new Attack("brightness -15%", i -> brightness(i, 0.85)),
                new Attack("resize 50% + jpeg q75", i -> jpeg(resize(i, 0.5), 75)),
                new Attack("crop 10% centred + jpeg q75", i -> jpeg(crop(i, 0.05, 0.05, 0.95, 0.95), 75)),
                new Attack("brightness +15% + jpeg q75", i -> jpeg(brightness(i, 1.15), 75)));
    }
}
