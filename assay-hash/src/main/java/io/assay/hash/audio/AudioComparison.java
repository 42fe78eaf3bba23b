package io.assay.hash.audio;

/**
 * The result of comparing two fingerprints with {@link AudioMatcher}. Offsets count items (about 0.124 s each);
 * a positive offset means b starts that many items into a.
 *
 * @param ber           smallest bit error rate over the whole overlap, over all offsets with at least the minimum
 *                      overlap; NaN when no offset leaves enough overlap
 * @param offset        the offset of {@code ber} (the first one, from the most negative, on ties)
 * @param overlap       items compared at that offset; 0 when {@code ber} is NaN
 * @param windowBer     smallest bit error rate over any run of {@code window} consecutive aligned items at any
 *                      offset; NaN when neither fingerprint is that long in overlap
 * @param windowOffset  the offset of that window
 * @param windowStartA  index in a of the window's first item
 * @param match         {@code windowBer <= threshold}
 */
public record AudioComparison(double ber, int offset, int overlap, double windowBer, int windowOffset,
                              int windowStartA, boolean match) {

    /** True when some offset left enough overlap for a whole-overlap BER. */
    public boolean aligned() {
        return !Double.isNaN(ber);
    }

    /** The offset in seconds (items x 1365 / 11025). */
    public double offsetSeconds() {
        return offset * AudioFingerprint.ITEM_SECONDS;
    }
}
