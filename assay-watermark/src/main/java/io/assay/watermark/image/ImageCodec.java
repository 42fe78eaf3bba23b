package io.assay.watermark.image;

import io.assay.core.media.MediaType;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Reads images within a pixel budget and writes watermarked images back. Reading goes through ImageIO: the JDK's
 * JPEG and PNG readers, TwelveMonkeys' JPEG reader for CMYK/YCCK files the JDK refuses, and WebP when assay-hash's
 * reader is on the class path.
 */
public final class ImageCodec {

    /** JPEG quality used when writing back: high, so the write itself costs the marks little. */
    public static final float JPEG_QUALITY = 0.95f;

    private ImageCodec() {
    }

    /** An image's declared size, read from its header without decoding pixels. */
    public record Dimensions(int width, int height) {
        public long pixels() {
            return (long) width * height;
        }
    }

    /**
     * Decodes, refusing images whose header declares more than {@code maxPixels}; when the image has more than
     * {@code fullPixels}, the decoder keeps every n-th pixel in each direction (n the smallest that fits it in
     * {@code fullPixels}), which bounds memory whatever the size.
     *
     * @throws ImageTooLargeException beyond {@code maxPixels}
     * @throws IOException            when no installed reader decodes it
     */
    public static Decoded read(byte[] bytes, long maxPixels, long fullPixels) throws IOException {
        return read(() -> ImageIO.createImageInputStream(new ByteArrayInputStream(bytes)), maxPixels, fullPixels);
    }

    /** Opens the image afresh (each reader tried gets its own stream). */
    @FunctionalInterface
    public interface Source {
        ImageInputStream open() throws IOException;
    }

    /** A file, read through ImageIO's file stream: nothing is loaded into memory beyond what the decoder needs. */
    public static Source file(java.nio.file.Path path) {
        return () -> ImageIO.createImageInputStream(path.toFile());
    }

    public static Decoded read(Source source, long maxPixels, long fullPixels) throws IOException {
        IOException last = null;
        for (ImageReader reader : readers(source)) {
            try (ImageInputStream in = source.open()) {
                reader.setInput(in, true, true);
                Dimensions d = new Dimensions(reader.getWidth(0), reader.getHeight(0));
                if (d.pixels() > maxPixels) {
                    throw new ImageTooLargeException(d, maxPixels);
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = 1;
                while (d.pixels() / ((long) step * step) > fullPixels) {
                    step++;
                }
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage img = reader.read(0, param);
                return new Decoded(RgbPixels.of(img), d, step);
            } catch (ImageTooLargeException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                last = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            } finally {
                reader.dispose();
            }
        }
        throw last != null ? last : new IOException("no image reader for this format is installed");
    }

    /**
     * @param pixels     the decoded pixels
     * @param declared   the size the header declares
     * @param subsampled 1 when every pixel was decoded, else the step kept in each direction
     */
    public record Decoded(RgbPixels pixels, Dimensions declared, int subsampled) {
    }

    /** The header declares more pixels than allowed. */
    public static final class ImageTooLargeException extends IOException {
        public ImageTooLargeException(Dimensions d, long max) {
            super("image is " + d.width() + "x" + d.height() + " = " + d.pixels() + " pixels, over the limit of " + max
                    + " pixels for watermark detection");
        }
    }

    private static List<ImageReader> readers(Source source) throws IOException {
        List<ImageReader> all = new ArrayList<>();
        try (ImageInputStream in = source.open()) {
            Iterator<ImageReader> it = ImageIO.getImageReaders(in);
            it.forEachRemaining(all::add);
        }
        // the JDK's own readers first: they are the reference for JPEG and PNG; the others only as fallback
        all.sort((a, b) -> Boolean.compare(!a.getClass().getName().startsWith("com.sun."), !b.getClass().getName().startsWith("com.sun.")));
        return all;
    }

    /** The format a watermarked copy is written in: JPEG for JPEG input, lossless PNG for everything else. */
    public static String formatFor(MediaType input) {
        return input == MediaType.JPEG ? "jpeg" : "png";
    }

    /**
     * Writes the image as {@code jpeg} (quality {@link #JPEG_QUALITY}) or {@code png}, same dimensions. Note that a
     * JPEG's chroma subsampling destroys dwtDct marks (they live in U); write dwtDct-marked images as PNG.
     */
    public static void write(BufferedImage image, String format, OutputStream out) throws IOException {
        String f = format.toLowerCase(Locale.ROOT);
        BufferedImage rgb = image.getType() == BufferedImage.TYPE_INT_RGB ? image : RgbPixels.of(image).toImage();
        switch (f) {
            case "jpeg", "jpg" -> {
                ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
                try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                    w.setOutput(ios);
                    ImageWriteParam p = w.getDefaultWriteParam();
                    p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    p.setCompressionQuality(JPEG_QUALITY);
                    w.write(null, new IIOImage(rgb, null, null), p);
                } finally {
                    w.dispose();
                }
            }
            case "png" -> {
                if (!ImageIO.write(rgb, "png", out)) {
                    throw new IOException("no PNG writer installed");
                }
            }
            default -> throw new IllegalArgumentException("can write jpeg or png, not '" + format + "'");
        }
    }

    public static byte[] write(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        write(image, format, bos);
        return bos.toByteArray();
    }
}
