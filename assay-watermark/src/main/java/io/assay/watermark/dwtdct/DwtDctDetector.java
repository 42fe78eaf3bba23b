package io.assay.watermark.dwtdct;

import io.assay.watermark.image.RgbPixels;

import java.util.List;
import java.util.Map;

/**
 * Looks for known dwtDct payloads ({@link KnownDwtDctMark}): decodes as many bits as each payload has and compares.
 * dwtDct carries no error detection, so a mark is reported when the bit accuracy reaches a per-payload threshold
 * chosen from the accuracies unmarked photos reach (see the README).
 */
public final class DwtDctDetector {

    /**
     * Default thresholds. On 879 unmarked (corpus image, variant) trials the decoder reached at most 0.632 against
     * the 136-bit SD 1.x payload and 0.729 against the 48-bit SDXL one (README, "Thresholds").
     */
    public static final Map<Integer, Double> DEFAULT_THRESHOLDS = Map.of(136, 0.70, 48, 0.80);

    private final List<KnownDwtDctMark> marks;
    private final double threshold136;
    private final double thresholdOther;

    public DwtDctDetector() {
        this(KnownDwtDctMark.DEFAULTS, DEFAULT_THRESHOLDS.get(136), DEFAULT_THRESHOLDS.get(48));
    }

    /**
     * @param marks          the payloads to look for
     * @param thresholdLong  minimum bit accuracy for payloads of 100 bits or more
     * @param thresholdShort minimum bit accuracy for shorter payloads
     */
    public DwtDctDetector(List<KnownDwtDctMark> marks, double thresholdLong, double thresholdShort) {
        this.marks = List.copyOf(marks);
        this.threshold136 = thresholdLong;
        this.thresholdOther = thresholdShort;
    }

    public double threshold(KnownDwtDctMark m) {
        return m.bits().length() >= 100 ? threshold136 : thresholdOther;
    }

    /** The best-matching known payload and its bit accuracy, or empty when the image is too small. */
    public java.util.Optional<Match> bestMatch(RgbPixels img) {
        if ((long) img.width() * img.height() < DwtDctWatermark.MIN_PIXELS) {
            return java.util.Optional.empty();
        }
        Match best = null;
        for (KnownDwtDctMark m : marks) {
            DwtDctReading r = DwtDctWatermark.decode(img, m.bits().length());
            double acc = r.bitAccuracy(m.bits());
            Match c = new Match(m, r, acc, acc >= threshold(m));
            // a mark that passes beats one that does not; otherwise the higher margin over its threshold wins
            if (best == null || (c.found() && !best.found())
                    || (c.found() == best.found() && acc - threshold(m) > best.bitAccuracy() - threshold(best.mark()))) {
                best = c;
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    /**
     * @param mark        the known payload compared
     * @param reading     what the decoder read
     * @param bitAccuracy share of bits equal to the payload's
     * @param found       whether the accuracy reaches the threshold
     */
    public record Match(KnownDwtDctMark mark, DwtDctReading reading, double bitAccuracy, boolean found) {
    }
}
