package io.assay.watermark.dwtdct;

import io.assay.watermark.BitString;

/**
 * What the dwtDct decoder read.
 *
 * @param bits      the decoded bits, as upstream's decoder returns them
 * @param onesShare for each bit, the share of its repeats that read 1 (0.5 means no information)
 */
public record DwtDctReading(BitString bits, double[] onesShare) {

    public DwtDctReading {
        onesShare = onesShare.clone();
    }

    @Override
    public double[] onesShare() {
        return onesShare.clone();
    }

    /** Share of bits equal to {@code expected}. */
    public double bitAccuracy(BitString expected) {
        return 1.0 - (double) bits.distance(expected) / expected.length();
    }
}
