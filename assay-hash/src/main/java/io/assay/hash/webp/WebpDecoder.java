package io.assay.hash.webp;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Decodes lossy WebP files (a VP8 key frame, optionally with an ALPH alpha plane) in pure Java, with output
 * byte-identical to libwebp's default decoding (as {@code dwebp} and ImageMagick use it): the same YUV planes, the
 * same "fancy" chroma upsampling and the same fixed-point YUV-to-RGB conversion. Lossless (VP8L) and animated files
 * are refused with a {@link WebpFormatException}; {@link WebpContainer#parse(byte[])} tells them apart first.
 * Thread-safe (stateless).
 */
public final class WebpDecoder {

    /** The default pixel limit: the largest frame VP8 can describe. */
    public static final long DEFAULT_MAX_PIXELS = (long) Vp8Decoder.MAX_DIMENSION * Vp8Decoder.MAX_DIMENSION;

    /** A decoded lossy WebP: the YUV frame and, when the file has an ALPH chunk, its alpha plane (else null). */
    public record Decoded(YuvFrame yuv, byte[] alpha) {

        public int width() {
            return yuv.width();
        }

        public int height() {
            return yuv.height();
        }

        public boolean hasAlpha() {
            return alpha != null;
        }

        /**
         * The image as libwebp's RGB(A) output: {@link BufferedImage#TYPE_3BYTE_BGR}, or
         * {@link BufferedImage#TYPE_4BYTE_ABGR} (not premultiplied) when there is an alpha plane.
         */
        public BufferedImage toBufferedImage() {
            int w = width();
            int h = height();
            if (alpha == null) {
                BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
                byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
                YuvToRgb.convert(yuv, px, w * 3, 3, 2, 1, 0);
                return img;
            }
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_4BYTE_ABGR);
            byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
            YuvToRgb.convert(yuv, px, w * 4, 4, 3, 2, 1);
            for (int i = 0, o = 0; i < alpha.length; i++, o += 4) {
                px[o] = alpha[i];
            }
            return img;
        }
    }

    private WebpDecoder() {
    }

    /** Decodes a whole lossy WebP file with the {@linkplain #DEFAULT_MAX_PIXELS default pixel limit}. */
    public static Decoded decode(byte[] file) throws WebpFormatException {
        return decode(file, DEFAULT_MAX_PIXELS);
    }

    /**
     * Decodes a whole lossy WebP file.
     *
     * @param maxPixels refuse images with more pixels than this, before allocating their planes
     * @throws WebpFormatException if the file is damaged, not lossy WebP (VP8L, animation) or over the limit
     */
    public static Decoded decode(byte[] file, long maxPixels) throws WebpFormatException {
        return decode(file, maxPixels, true);
    }

    /**
     * As {@link #decode(byte[], long)}, optionally without the alpha plane. Callers that ignore alpha (PDQ) pass
     * {@code false}: a VP8L-compressed alpha plane is then never handed to the lossless decoder (TwelveMonkeys'),
     * which fuzzing showed can spin on hostile input.
     */
    public static Decoded decode(byte[] file, long maxPixels, boolean withAlpha) throws WebpFormatException {
        WebpContainer.Info info = WebpContainer.parse(file);
        if (info.kind() != WebpContainer.Kind.LOSSY) {
            throw new WebpFormatException("WebP: " + info.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + " files are not decoded by this decoder");
        }
        YuvFrame yuv = Vp8Decoder.decode(file, info.imageOffset(), info.imageLength(), maxPixels);
        byte[] alpha = null;
        if (withAlpha && info.hasAlpha()) {
            alpha = AlphaDecoder.decode(file, info.alphaOffset(), info.alphaLength(), yuv.width(), yuv.height());
        }
        return new Decoded(yuv, alpha);
    }

    /** Decodes a lossy WebP file to a {@link BufferedImage} (see {@link Decoded#toBufferedImage()}). */
    public static BufferedImage read(byte[] file, long maxPixels) throws WebpFormatException {
        return decode(file, maxPixels).toBufferedImage();
    }
}
