package io.assay.hash.pdq;

import io.assay.core.media.MediaAsset;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Hashes images with PDQ. Thread-safe and stateless apart from its options.
 *
 * <p>Two ways to prepare pixels, because implementations disagree and hashes are exchanged between platforms:
 * <ul>
 *   <li>{@link Preparation#REFERENCE} (default): what Meta's C++ {@code pdq-photo-hasher} does, so hashes are
 *   bit-identical to it and to ThreatExchange data made with it: an image with a side over 512 pixels is first
 *   resampled to exactly 512x512 by nearest neighbour (aspect ratio ignored), smaller images are hashed as they
 *   are;</li>
 *   <li>{@link Preparation#FULL_RESOLUTION}: what HMA's Python hasher does: every pixel is used. Hashes of the
 *   same image under the two preparations differ by a few bits (well within the match threshold).</li>
 * </ul>
 * EXIF orientation is not applied in either mode (neither reference applies it); the dihedral hashes cover
 * rotated copies instead.
 */
public final class PdqHasher {

    /** How pixels are prepared before the PDQ algorithm proper. */
    public enum Preparation {
        /** The C++ reference: sides over 512 pixels trigger a nearest-neighbour resize to 512x512. */
        REFERENCE,
        /** HMA's Python hasher: the full decoded raster. */
        FULL_RESOLUTION
    }

    /** The C++ reference's resize trigger and target. */
    public static final int REFERENCE_SIDE = 512;

    private final Preparation preparation;
    private final long maxPixels;

    /** Reference preparation, images up to 200 megapixels. */
    public PdqHasher() {
        this(Preparation.REFERENCE, 200_000_000L);
    }

    public PdqHasher(Preparation preparation, long maxPixels) {
        this.preparation = java.util.Objects.requireNonNull(preparation, "preparation");
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive");
        }
        this.maxPixels = maxPixels;
        ImageIO.setUseCache(false); // decode in memory; never spill untrusted data to temporary files
    }

    public Preparation preparation() {
        return preparation;
    }

    /** The hash of a decoded image. */
    public PdqHash hash(BufferedImage image) {
        LumaPlane p = prepare(image);
        return Pdq.hash(p.luma(), p.width(), p.height());
    }

    /** The 8 dihedral hashes of a decoded image (one DCT). */
    public DihedralHashes dihedral(BufferedImage image) {
        LumaPlane p = prepare(image);
        return Pdq.dihedral(p.luma(), p.width(), p.height());
    }

    public PdqHash hash(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            LumaPlane p = plane(in, file.getFileName() == null ? file.toString() : file.getFileName().toString());
            return Pdq.hash(p.luma(), p.width(), p.height());
        }
    }

    public PdqHash hash(MediaAsset asset) throws IOException {
        try (InputStream in = asset.openStream()) {
            LumaPlane p = plane(in, asset.name());
            return Pdq.hash(p.luma(), p.width(), p.height());
        }
    }

    public DihedralHashes dihedral(MediaAsset asset) throws IOException {
        try (InputStream in = asset.openStream()) {
            LumaPlane p = plane(in, asset.name());
            return Pdq.dihedral(p.luma(), p.width(), p.height());
        }
    }

    /** Interleaved 8-bit RGB at full size, as vPDQ hashes video frames (no 512 shortcut). */
    public static PdqHash hashRgb(byte[] rgb, int width, int height) {
        LumaPlane p = LumaPlane.ofRgb(rgb, width, height);
        return Pdq.hash(p.luma(), p.width(), p.height());
    }

    /** A row-major luma plane at its own size (the plane is used as scratch). */
    public static PdqHash hashLuma(float[] luma, int width, int height) {
        return Pdq.hash(luma, width, height);
    }

    LumaPlane prepare(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (resized(w, h)) {
            return LumaPlane.of(image, REFERENCE_SIDE, REFERENCE_SIDE);
        }
        return LumaPlane.of(image);
    }

    private boolean resized(int w, int h) {
        return preparation == Preparation.REFERENCE && (w > REFERENCE_SIDE || h > REFERENCE_SIDE);
    }

    /**
     * Decodes and prepares the luma plane. Plain JFIF JPEGs take a shorter path: the JDK decoder hands over its
     * upsampled YCbCr raster and only the pixels the plane samples are converted to RGB, with libjpeg's own integer
     * tables, so the result is the same as decoding to RGB first (checked by the tests on every corpus JPEG).
     */
    LumaPlane plane(InputStream in, String name) throws IOException {
        java.io.BufferedInputStream buffered = new java.io.BufferedInputStream(in, 64 * 1024);
        buffered.mark(16);
        byte[] head = buffered.readNBytes(16);
        buffered.reset();
        if (io.assay.hash.webp.WebpContainer.isWebp(head)) {
            return webp(buffered, name);
        }
        return withReader(buffered, name, (reader, param) -> {
            if (JfifYcc.eligible(reader)) {
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                java.awt.image.Raster ycc = reader.readRaster(0, param);
                return resized(w, h) ? LumaPlane.ofYcc(ycc, REFERENCE_SIDE, REFERENCE_SIDE) : LumaPlane.ofYcc(ycc, w, h);
            }
            BufferedImage img = reader.read(0, param);
            if (img == null) {
                throw new UndecodableImageException(name + ": the decoder returned no image");
            }
            return prepare(img);
        });
    }

    /** Decodes the first image of a file, refusing more than the configured pixel count before decoding. */
    public BufferedImage decode(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return decode(in, file.getFileName() == null ? file.toString() : file.getFileName().toString());
        }
    }

    public BufferedImage decode(MediaAsset asset) throws IOException {
        try (InputStream in = asset.openStream()) {
            return decode(in, asset.name());
        }
    }

    public BufferedImage decode(InputStream in, String name) throws IOException {
        return withReader(in, name, (reader, param) -> {
            BufferedImage img = reader.read(0, param);
            if (img == null) {
                throw new UndecodableImageException(name + ": the decoder returned no image");
            }
            return img;
        });
    }

    /**
     * WebP straight through Assay's own decoder, without alpha (PDQ ignores it). Lossless and animated WebP are
     * refused: their only Java decoder (TwelveMonkeys') was seen to spin on hostile input under fuzzing, and a scan
     * must not hang.
     */
    private LumaPlane webp(InputStream in, String name) throws IOException {
        byte[] file = in.readAllBytes();
        try {
            io.assay.hash.webp.WebpContainer.Info info = io.assay.hash.webp.WebpContainer.parse(file);
            if (info.kind() != io.assay.hash.webp.WebpContainer.Kind.LOSSY) {
                throw new UndecodableImageException(name + ": " + info.kind().name().toLowerCase(java.util.Locale.ROOT)
                        + " WebP is not hashed (no decoder that is safe on hostile input yet)");
            }
            BufferedImage img = io.assay.hash.webp.WebpDecoder.decode(file, maxPixels, false).toBufferedImage();
            return prepare(img);
        } catch (io.assay.hash.webp.WebpFormatException e) {
            throw new UndecodableImageException(name + ": " + e.getMessage(), e);
        }
    }

    private interface Decoding<T> {
        T apply(ImageReader reader, ImageReadParam param) throws IOException;
    }

    private <T> T withReader(InputStream in, String name, Decoding<T> decoding) throws IOException {
        try (ImageInputStream iis = ImageIO.createImageInputStream(in)) {
            if (iis == null) {
                throw new UndecodableImageException(name + ": cannot open an image stream");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) {
                throw new UndecodableImageException(name + ": no image decoder for this format");
            }
            ImageReader reader = ImageDecoders.preferred(readers);
            try {
                reader.setInput(iis, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxPixels) {
                    throw new UndecodableImageException(name + ": " + reader.getWidth(0) + "x" + reader.getHeight(0)
                            + " pixels is over the limit of " + maxPixels);
                }
                return decoding.apply(reader, reader.getDefaultReadParam());
            } catch (UndecodableImageException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw new UndecodableImageException(name + ": cannot decode image: " + message(e), e);
            } finally {
                reader.dispose();
            }
        }
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
