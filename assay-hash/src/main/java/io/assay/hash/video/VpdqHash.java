package io.assay.hash.video;

import io.assay.hash.pdq.PdqHash;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A vPDQ hash: the PDQ hashes of a video's sampled frames, in frame order, with what the container said about the
 * video when it was made here (absent for hashes read from text).
 *
 * <h2>Text forms</h2>
 * <ul>
 *   <li><b>Reference form</b> ({@link #toReferenceText()}): what Meta's {@code vpdq-hash-video} writes and
 *   {@code match-hashes-brute} reads: one line per hashed frame, {@code frame_number,quality,pdq_hash_hex,timestamp},
 *   each ending in {@code \n}; hash in lower-case hex, timestamp in seconds with 3 decimals.</li>
 *   <li><b>Compact form</b> ({@link #toCompactString()}), Assay's canonical single-line form for banks and exchange:
 *   exactly the reference lines, in the same order, joined by {@code ;} (no trailing separator, no spaces). It holds
 *   everything the reference form holds, so the two convert into each other without loss, and one hash has exactly
 *   one compact string. Example: {@code 0,100,e271...055c,0.000;1,100,c0f1...055c,0.033}.</li>
 *   <li><b>HMA form</b> ({@link #toHmaJson()}, read by {@link #parse}): the signal string of Meta's
 *   Hasher-Matcher-Actioner / python-threatexchange {@code VPDQSignal}: a JSON array of
 *   {@code "pdq_hash_hex,quality,timestamp"} strings. It has no frame numbers (features read from it are numbered
 *   by position) and timestamps keep 3 significant digits, as HMA writes them.</li>
 * </ul>
 * {@link #parse} recognises all three. Frame numbers and timestamps play no part in matching.
 *
 * @param features the hashed frames; an unmodifiable copy is kept
 * @param video    the source stream's properties, when the hash was made here
 */
public record VpdqHash(List<VpdqFeature> features, Optional<VideoInfo> video) {

    public VpdqHash {
        features = List.copyOf(features);
        Objects.requireNonNull(video, "video");
    }

    /** A hash read from text (no source information). */
    public static VpdqHash of(List<VpdqFeature> features) {
        return new VpdqHash(features, Optional.empty());
    }

    public int size() {
        return features.size();
    }

    public boolean isEmpty() {
        return features.isEmpty();
    }

    /** The same features without source information (for equality with a hash read back from text). */
    public VpdqHash withoutVideoInfo() {
        return video.isEmpty() ? this : of(features);
    }

    // ---- reference form ----

    /** The reference form: one {@link VpdqFeature#toLine() line} per feature, each ending in a newline. */
    public String toReferenceText() {
        StringBuilder sb = new StringBuilder(features.size() * 82);
        for (VpdqFeature f : features) {
            sb.append(f.toLine()).append('\n');
        }
        return sb.toString();
    }

    /** Reads the reference form; blank lines are skipped, {@code \r\n} accepted. */
    public static VpdqHash parseReferenceText(String text) {
        List<VpdqFeature> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                out.add(VpdqFeature.parseLine(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return of(out);
    }

    /** Reads a file in any of the three forms (see {@link #parse}). */
    public static VpdqHash read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Writes the reference form (what {@code vpdq-hash-video} writes and {@code match-hashes-brute} reads). */
    public void writeReferenceText(Path file) throws IOException {
        Files.writeString(file, toReferenceText(), StandardCharsets.US_ASCII);
    }

    // ---- compact form ----

    /** The compact canonical form: the reference lines joined by {@code ;}. */
    public String toCompactString() {
        StringBuilder sb = new StringBuilder(features.size() * 82);
        for (VpdqFeature f : features) {
            if (!sb.isEmpty()) {
                sb.append(';');
            }
            sb.append(f.toLine());
        }
        return sb.toString();
    }

    /** Reads the compact form (an empty string is a hash with no features). */
    public static VpdqHash parseCompact(String compact) {
        String s = compact.strip();
        List<VpdqFeature> out = new ArrayList<>();
        if (s.isEmpty()) {
            return of(out);
        }
        String[] items = s.split(";", -1);
        for (int i = 0; i < items.length; i++) {
            try {
                out.add(VpdqFeature.parseLine(items[i]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("feature " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return of(out);
    }

    // ---- HMA form ----

    /**
     * HMA's signal string: {@code ["hex,quality,timestamp", ...]}, written as python-threatexchange's
     * {@code vpdq_to_json} writes it (items separated by {@code ", "}, timestamps as Python's {@code format(t, ".3")},
     * so 3 significant digits). HMA formats the C++ hasher's unrounded float timestamps ({@code 0.0333}) where this
     * formats the millisecond values Assay keeps ({@code 0.033}); the hashes and qualities are the same text.
     */
    public String toHmaJson() {
        StringBuilder sb = new StringBuilder(features.size() * 80 + 2).append('[');
        for (VpdqFeature f : features) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append('"').append(f.hash().toHex()).append(',').append(f.quality()).append(',')
                    .append(pythonFormat3(f.timestampSeconds())).append('"');
        }
        return sb.append(']').toString();
    }

    /** Reads HMA's signal string; features are numbered by their position (the form carries no frame numbers). */
    public static VpdqHash parseHmaJson(String json) {
        String s = json.strip();
        if (s.length() < 2 || s.charAt(0) != '[' || s.charAt(s.length() - 1) != ']') {
            throw new IllegalArgumentException("an HMA vPDQ signal is a JSON array of strings");
        }
        List<VpdqFeature> out = new ArrayList<>();
        int i = 1;
        int end = s.length() - 1;
        i = skipSpace(s, i, end);
        while (i < end) {
            if (s.charAt(i) != '"') {
                throw new IllegalArgumentException("HMA vPDQ signal: expected a string at offset " + i);
            }
            int close = s.indexOf('"', i + 1);
            if (close < 0 || close > end) {
                throw new IllegalArgumentException("HMA vPDQ signal: unterminated string at offset " + i);
            }
            String item = s.substring(i + 1, close);
            String[] f = item.split(",", -1);
            if (f.length != 3) {
                throw new IllegalArgumentException("HMA vPDQ feature " + (out.size() + 1)
                        + " is not 'pdq_hash_hex,quality,timestamp': '" + VpdqFeature.abbreviate(item) + "'");
            }
            try {
                out.add(VpdqFeature.parseLine(out.size() + "," + f[1] + "," + f[0] + "," + f[2]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("HMA vPDQ feature " + (out.size() + 1) + ": " + e.getMessage(), e);
            }
            i = skipSpace(s, close + 1, end);
            if (i < end) {
                if (s.charAt(i) != ',') {
                    throw new IllegalArgumentException("HMA vPDQ signal: expected ',' at offset " + i);
                }
                i = skipSpace(s, i + 1, end);
                if (i >= end) {
                    throw new IllegalArgumentException("HMA vPDQ signal: trailing ','");
                }
            }
        }
        return of(out);
    }

    private static int skipSpace(String s, int i, int end) {
        while (i < end && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Python's {@code format(x, ".3")}: 3 significant digits, scientific notation from an exponent of 2 up or below
     * -4, trailing zeros dropped but at least one decimal in fixed notation.
     */
    static String pythonFormat3(double x) {
        if (x == 0) {
            return "0.0";
        }
        BigDecimal r = new BigDecimal(x).round(new MathContext(3, RoundingMode.HALF_EVEN));
        int exp = r.precision() - r.scale() - 1;
        if (exp < -4 || exp >= 2) {
            String digits = r.unscaledValue().abs().toString().replaceAll("0+$", "");
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (r.signum() < 0 ? "-" : "") + mantissa + "e" + (exp < 0 ? "-" : "+")
                    + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        String plain = r.stripTrailingZeros().toPlainString();
        return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }

    // ---- any form ----

    /**
     * Reads any of the three text forms: a JSON array is HMA's form; text with a line break is the reference form;
     * anything else is the compact form (a single reference line is also a valid compact string).
     */
    public static VpdqHash parse(String text) {
        String s = Objects.requireNonNull(text, "text").strip();
        if (s.startsWith("[")) {
            return parseHmaJson(s);
        }
        if (s.indexOf('\n') >= 0) {
            return parseReferenceText(s);
        }
        return parseCompact(s);
    }

    @Override
    public String toString() {
        return "VpdqHash[" + features.size() + " frames" + video.map(v -> ", " + v.width() + "x" + v.height()
                + " @ " + v.frameRate() + " fps").orElse("") + "]";
    }
}
