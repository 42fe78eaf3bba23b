package io.assay.watermark;

import io.assay.core.evidence.DigitalSourceType;
import io.assay.watermark.assay.AssayPayload;
import io.assay.watermark.dwtdct.KnownDwtDctMark;

import java.util.Optional;

/** What a watermark detector concluded about one image, for one scheme. */
public sealed interface WatermarkDetection {

    WatermarkScheme scheme();

    boolean found();

    /** What the content is, when a mark says so. */
    Optional<DigitalSourceType> sourceType();

    /**
     * An Assay mark was found: its sync pattern stood out and its payload passed the CRC.
     *
     * @param payload        the decoded payload
     * @param syncScore      z-score of the sync correlation peak (the threshold is 7; unmarked images stayed below it, see the README)
     * @param codedBitErrors coded bits (of 162) the convolutional code corrected
     * @param confidence     0..1, from the margin of the sync score over the threshold and the error count
     */
    record AssayFound(AssayPayload payload, double syncScore, int codedBitErrors, double confidence)
            implements WatermarkDetection {
        @Override
        public WatermarkScheme scheme() {
            return WatermarkScheme.ASSAY;
        }

        @Override
        public boolean found() {
            return true;
        }

        @Override
        public Optional<DigitalSourceType> sourceType() {
            return payload.sourceType();
        }

        /** Share of the 162 coded bits read correctly before error correction. */
        public double bitAccuracy() {
            return 1.0 - codedBitErrors / 162.0;
        }
    }

    /**
     * A known dwtDct payload was read with at least the threshold's bit accuracy.
     *
     * @param mark        which known payload
     * @param bits        the bits read
     * @param bitAccuracy share of bits equal to the payload's
     */
    record DwtDctFound(KnownDwtDctMark mark, BitString bits, double bitAccuracy) implements WatermarkDetection {
        @Override
        public WatermarkScheme scheme() {
            return WatermarkScheme.DWT_DCT;
        }

        @Override
        public boolean found() {
            return true;
        }

        @Override
        public Optional<DigitalSourceType> sourceType() {
            return Optional.of(mark.sourceType());
        }
    }

    /**
     * No mark of this scheme.
     *
     * @param score  the best score seen (Assay: sync z-score; dwtDct: best bit accuracy), for diagnostics
     * @param reason why, in words
     */
    record NotFound(WatermarkScheme scheme, double score, String reason) implements WatermarkDetection {
        @Override
        public boolean found() {
            return false;
        }

        @Override
        public Optional<DigitalSourceType> sourceType() {
            return Optional.empty();
        }
    }
}
