package io.assay.watermark.assay;

import io.assay.watermark.image.RgbPixels;

import java.awt.image.BufferedImage;

/**
 * Assay's own robust, keyed image watermark: a 32-bit {@link AssayPayload} (digital source type + generator id),
 * CRC-16 and a rate-1/3 convolutional code, spread over a periodic tile pattern in the luma. See the module README for
 * the design and its measured robustness.
 *
 * <pre>{@code
 * AssayWatermark wm = new AssayWatermark(AssayWatermarkKey.fromPassphrase("our secret"));
 * BufferedImage marked = wm.embed(image, AssayPayload.of(DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA, 7));
 * AssayDetector.Reading r = wm.detect(marked);   // r.found(), r.payload()
 * }</pre>
 */
public final class AssayWatermark {

    /** Default pattern amplitude in 8-bit luma levels: about 40 dB PSNR on typical photos. */
    public static final double DEFAULT_STRENGTH = 4.0;
    /** Smallest image (each side, pixels) the mark is embedded in. */
    public static final int MIN_SIDE = 128;

    private final TileLayout layout;
    private final AssayDetector detector;
    private final double strength;

    public AssayWatermark(AssayWatermarkKey key) {
        this(key, DEFAULT_STRENGTH, AssayDetector.DEFAULT_MIN_SYNC_SCORE);
    }

    public AssayWatermark(AssayWatermarkKey key, double strength, double minSyncScore) {
        if (!(strength > 0 && strength <= 32)) {
            throw new IllegalArgumentException("strength must be within (0, 32]: " + strength);
        }
        this.layout = new TileLayout(key);
        this.detector = new AssayDetector(key, minSyncScore);
        this.strength = strength;
    }

    public BufferedImage embed(BufferedImage image, AssayPayload payload) {
        return embed(RgbPixels.of(image), payload).toImage();
    }

    public RgbPixels embed(RgbPixels image, AssayPayload payload) {
        if (Math.min(image.width(), image.height()) < MIN_SIDE) {
            throw new IllegalArgumentException("image too small for the Assay watermark: " + image.width() + "x"
                    + image.height() + " (each side needs at least " + MIN_SIDE + " pixels)");
        }
        return AssayEmbedder.embed(image, payload, layout, strength);
    }

    public AssayDetector.Reading detect(BufferedImage image) {
        return detector.detect(RgbPixels.of(image));
    }

    public AssayDetector.Reading detect(RgbPixels image) {
        return detector.detect(image);
    }

    public AssayDetector detector() {
        return detector;
    }
}
