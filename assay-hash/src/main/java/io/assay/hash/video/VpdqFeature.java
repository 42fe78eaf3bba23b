package io.assay.hash.video;

import io.assay.hash.pdq.PdqHash;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One hashed video frame of a vPDQ hash: the frame's number in decoding order (0-based, counting every decoded
 * frame, also those skipped by sampling), its PDQ hash with the PDQ quality (0..100), and its timestamp in seconds.
 *
 * <p>Timestamps are computed the way the reference ({@code vpdq-hash-video}) computes them: frame number divided by
 * the stream's average frame rate, in single precision, and kept as written, with 3 decimals
 * ({@link #referenceTimestamp}).
 * Matching never looks at frame numbers or timestamps; they are kept for reports and exchange.
 *
 * @param frameNumber      0-based frame index in decoding order
 * @param hash             the frame's PDQ hash and quality
 * @param timestampSeconds non-negative, finite
 */
public record VpdqFeature(int frameNumber, PdqHash hash, double timestampSeconds) {

    public VpdqFeature {
        Objects.requireNonNull(hash, "hash");
        if (frameNumber < 0) {
            throw new IllegalArgumentException("frame number must not be negative: " + frameNumber);
        }
        if (!(timestampSeconds >= 0) || Double.isInfinite(timestampSeconds)) {
            throw new IllegalArgumentException("timestamp must be finite and not negative: " + timestampSeconds);
        }
    }

    /** The PDQ quality of the frame (0..100). */
    public int quality() {
        return hash.quality();
    }

    /**
     * The reference's timestamp of a frame as its text form holds it: {@code (float) frameNumber / (float) frameRate},
     * computed in single precision as the C++ hasher does (its frame rate is a float), then rounded to the
     * millisecond as the reference writes it. Keeping the written value makes a hash made here equal, as a record, to
     * the same hash read back from any of its text forms.
     */
    public static double referenceTimestamp(long frameNumber, double frameRate) {
        return Double.parseDouble(formatTimestamp((float) frameNumber / (float) frameRate));
    }

    /**
     * The reference line: {@code frame_number,quality,pdq_hash_hex,timestamp_seconds}, the hash in lower-case hex
     * and the timestamp with exactly 3 decimals, rounded as C's {@code printf("%.3f")} rounds (the exact binary value,
     * ties to even). No line terminator.
     */
    public String toLine() {
        return frameNumber + "," + hash.quality() + "," + hash.toHex() + "," + formatTimestamp(timestampSeconds);
    }

    /**
     * Parses a reference line ({@code frame_number,quality,pdq_hash_hex,timestamp_seconds}); surrounding whitespace
     * is ignored. Throws {@link IllegalArgumentException} naming the problem.
     */
    public static VpdqFeature parseLine(String line) {
        String s = Objects.requireNonNull(line, "line").strip();
        String[] f = s.split(",", -1);
        if (f.length != 4) {
            throw new IllegalArgumentException("a vPDQ line has 4 comma-separated fields"
                    + " (frame_number,quality,pdq_hash_hex,timestamp_seconds), got " + f.length + ": '" + abbreviate(s) + "'");
        }
        int frame = parseInt(f[0].strip(), "frame number", s);
        int quality = parseInt(f[1].strip(), "quality", s);
        double ts = parseTimestamp(f[3].strip(), s);
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("quality must be within 0..100 in vPDQ line '" + abbreviate(s) + "'");
        }
        return new VpdqFeature(frame, PdqHash.fromHex(f[2], quality), ts);
    }

    /** 3 decimals of the exact binary value, ties to even: what glibc's {@code %.3f} prints. */
    static String formatTimestamp(double seconds) {
        return new BigDecimal(seconds).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[0-9]{1,20}(\\.[0-9]{0,20})?([eE][+-]?[0-9]{1,3})?");

    /** A plain non-negative decimal, optionally with an exponent (HMA writes {@code 1.23e+02}). */
    static double parseTimestamp(String v, String line) {
        if (!DECIMAL.matcher(v).matches()) {
            throw new IllegalArgumentException("bad timestamp in vPDQ line '" + abbreviate(line) + "'");
        }
        double ts = Double.parseDouble(v);
        if (Double.isInfinite(ts)) {
            throw new IllegalArgumentException("timestamp out of range in vPDQ line '" + abbreviate(line) + "'");
        }
        return ts;
    }

    private static int parseInt(String v, String what, String line) {
        if (v.isEmpty() || v.length() > 10 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("bad " + what + " in vPDQ line '" + abbreviate(line) + "'");
        }
        long n = Long.parseLong(v);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " out of range in vPDQ line '" + abbreviate(line) + "'");
        }
        return (int) n;
    }

    static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    @Override
    public String toString() {
        return toLine();
    }
}
