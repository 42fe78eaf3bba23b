package io.assay.watermark;

import io.assay.watermark.assay.AssayDetector;
import io.assay.watermark.assay.AssayWatermarkKey;
import io.assay.watermark.dwtdct.DwtDctDetector;
import io.assay.watermark.image.RgbPixels;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Runs both detectors on an image: the Assay mark (with one key) and the known dwtDct payloads. Thread-safe.
 *
 * <pre>{@code
 * WatermarkDetector d = new WatermarkDetector(AssayWatermarkKey.fromPassphrase("our secret"));
 * for (WatermarkDetection r : d.detect(image)) {
 *     if (r instanceof WatermarkDetection.AssayFound a) { ... a.payload().generatorId() ... }
 * }
 * }</pre>
 */
public final class WatermarkDetector {

    private final AssayDetector assay;
    private final DwtDctDetector dwtDct;

    public WatermarkDetector(AssayWatermarkKey key) {
        this(new AssayDetector(key), new DwtDctDetector());
    }

    public WatermarkDetector(AssayDetector assay, DwtDctDetector dwtDct) {
        this.assay = assay;
        this.dwtDct = dwtDct;
    }

    /** One result per scheme, Assay first. */
    public List<WatermarkDetection> detect(BufferedImage image) {
        return detect(RgbPixels.of(image));
    }

    public List<WatermarkDetection> detect(RgbPixels image) {
        return List.of(detectAssay(image), detectDwtDct(image));
    }

    public WatermarkDetection detectAssay(RgbPixels image) {
        AssayDetector.Reading r = assay.detect(image);
        if (!r.found()) {
            return new WatermarkDetection.NotFound(WatermarkScheme.ASSAY, r.syncScore(),
                    r.syncScore() < assay.minSyncScore() ? "no sync pattern (z " + round(r.syncScore()) + " < "
                            + assay.minSyncScore() + ")" : "sync pattern found but the payload failed its CRC");
        }
        // confidence: 0.9 at the threshold, approaching 1 as the sync score rises, lowered by corrected errors
        double margin = r.syncScore() - assay.minSyncScore();
        double c = 1.0 - 0.1 * Math.exp(-margin / 3.0);
        c -= 0.2 * Math.min(1.0, r.codedBitErrors() / 40.0);
        return new WatermarkDetection.AssayFound(r.payload(), r.syncScore(), r.codedBitErrors(),
                Math.max(0.5, Math.min(0.999, c)));
    }

    public WatermarkDetection detectDwtDct(RgbPixels image) {
        return dwtDct.bestMatch(image)
                .<WatermarkDetection>map(m -> m.found()
                        ? new WatermarkDetection.DwtDctFound(m.mark(), m.reading().bits(), m.bitAccuracy())
                        : new WatermarkDetection.NotFound(WatermarkScheme.DWT_DCT, m.bitAccuracy(),
                        "best known payload (" + m.mark().id() + ") matches " + round(m.bitAccuracy()) + " of its bits, under "
                                + dwtDct.threshold(m.mark())))
                .orElseGet(() -> new WatermarkDetection.NotFound(WatermarkScheme.DWT_DCT, 0,
                        "image under 256x256 pixels, which dwtDct does not mark"));
    }

    private static String round(double v) {
        return String.format(java.util.Locale.ROOT, "%.3f", v);
    }
}
