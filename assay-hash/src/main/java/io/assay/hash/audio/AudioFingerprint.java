package io.assay.hash.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A Chromaprint fingerprint: one 32-bit sub-fingerprint ("item") per 4096/3 samples at 11025 Hz (about 0.124 s),
 * the duration of the audio it was computed from, and the configuration that produced it.
 *
 * <p>Exchange forms: {@link #toCompressedString()} is fpcalc's default output and what AcoustID accepts; it is
 * also the canonical text form for banks ({@link #canonical()} / {@link #parseCanonical}), about 2.7 bytes per
 * item. {@link #parseFpcalcJson} and {@link #parseFpcalcText} read {@code fpcalc -json} and plain {@code fpcalc}
 * output, raw ({@code -raw}, unsigned or {@code -signed}) or compressed.
 *
 * @param items            the sub-fingerprints, as Java ints (bit patterns; fpcalc prints them unsigned)
 * @param durationSeconds  duration of the source audio; 0 when unknown (a compressed string does not carry it)
 * @param algorithm        the Chromaprint configuration, {@link ChromaprintAlgorithm#TEST2} unless imported
 */
public record AudioFingerprint(int[] items, double durationSeconds, ChromaprintAlgorithm algorithm) {

    /** Seconds between consecutive items: 1365 samples at 11025 Hz. */
    public static final double ITEM_SECONDS = 1365.0 / 11025.0;

    public AudioFingerprint {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(algorithm, "algorithm");
        if (!(durationSeconds >= 0) || Double.isInfinite(durationSeconds)) {
            throw new IllegalArgumentException("duration must be a finite number >= 0, got " + durationSeconds);
        }
        items = items.clone();
    }

    public AudioFingerprint(int[] items, double durationSeconds) {
        this(items, durationSeconds, ChromaprintAlgorithm.TEST2);
    }

    /** A copy of the items. */
    @Override
    public int[] items() {
        return items.clone();
    }

    /** The items without copying, for the matcher's inner loops; callers must not modify it. */
    int[] itemsView() {
        return items;
    }

    public int size() {
        return items.length;
    }

    public int item(int i) {
        return items[i];
    }

    /** Chromaprint's compressed, base64url form, as printed by {@code fpcalc} without {@code -raw}. */
    public String toCompressedString() {
        return FingerprintCompression.compress(items, algorithm);
    }

    /** Decodes a compressed fingerprint string (fpcalc's default output, AcoustID's format). */
    public static AudioFingerprint fromCompressedString(String compressed, double durationSeconds) {
        Objects.requireNonNull(compressed, "compressed");
        FingerprintCompression.Decoded d = FingerprintCompression.decompress(compressed);
        return new AudioFingerprint(d.items(), durationSeconds, d.algorithm());
    }

    /** The canonical text form stored in banks: the compressed string (it carries algorithm and length). */
    public String canonical() {
        return toCompressedString();
    }

    /** Reads {@link #canonical()}; the duration is not part of it and comes back as 0 unless stored beside it. */
    public static AudioFingerprint parseCanonical(String canonical) {
        return fromCompressedString(canonical, 0);
    }

    /** The items as fpcalc {@code -raw} prints them: unsigned decimals joined by commas. */
    public String toRawString() {
        StringBuilder sb = new StringBuilder(items.length * 11);
        for (int i = 0; i < items.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(Integer.toUnsignedString(items[i]));
        }
        return sb.toString();
    }

    /** {@code fpcalc -raw -json} output: {@code {"duration": 49.04, "fingerprint": [4030003754, ...]}}. */
    public String toFpcalcJson() {
        return "{\"duration\": " + String.format(Locale.ROOT, "%.2f", durationSeconds) + ", \"fingerprint\": ["
                + toRawString() + "]}";
    }

    /**
     * Parses {@code fpcalc -json} output: {@code fingerprint} is an array of integers ({@code -raw}, unsigned or
     * signed) or a compressed string; {@code duration} is optional. Chunked output ({@code -chunk}, one object per
     * line) is not accepted: parse each line.
     */
    public static AudioFingerprint parseFpcalcJson(String json) {
        Objects.requireNonNull(json, "json");
        String s = json.strip();
        if (!s.startsWith("{") || !s.endsWith("}")) {
            throw new IllegalArgumentException("not fpcalc JSON output: expected one {...} object");
        }
        double duration = 0;
        String durationText = jsonValue(s, "duration");
        if (durationText != null) {
            duration = parseDuration(durationText);
        }
        String fp = jsonValue(s, "fingerprint");
        if (fp == null) {
            throw new IllegalArgumentException("fpcalc JSON has no \"fingerprint\"");
        }
        if (fp.startsWith("[")) {
            if (!fp.endsWith("]")) {
                throw new IllegalArgumentException("fpcalc JSON: unterminated fingerprint array");
            }
            return new AudioFingerprint(parseItems(fp.substring(1, fp.length() - 1)), duration);
        }
        if (fp.length() >= 2 && fp.startsWith("\"") && fp.endsWith("\"")) {
            return fromCompressedString(fp.substring(1, fp.length() - 1), duration);
        }
        throw new IllegalArgumentException("fpcalc JSON: fingerprint is neither an array nor a string");
    }

    /**
     * Parses fpcalc's default text output ({@code DURATION=49} / {@code FINGERPRINT=...}), raw or compressed.
     * fpcalc prints whole seconds there, so the duration is approximate.
     */
    public static AudioFingerprint parseFpcalcText(String text) {
        Objects.requireNonNull(text, "text");
        double duration = 0;
        String fp = null;
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.startsWith("DURATION=")) {
                duration = parseDuration(l.substring("DURATION=".length()));
            } else if (l.startsWith("FINGERPRINT=")) {
                if (fp != null) {
                    throw new IllegalArgumentException("fpcalc output holds more than one fingerprint (chunked?): parse them one by one");
                }
                fp = l.substring("FINGERPRINT=".length());
            }
        }
        if (fp == null) {
            throw new IllegalArgumentException("not fpcalc output: no FINGERPRINT= line");
        }
        // a compressed string starts with 'A' (algorithm ids are 0..4); raw output with a digit or a minus sign
        boolean raw = !fp.isEmpty() && (Character.isDigit(fp.charAt(0)) || fp.charAt(0) == '-');
        return raw ? new AudioFingerprint(parseItems(fp), duration) : fromCompressedString(fp, duration);
    }

    private static double parseDuration(String text) {
        try {
            double d = Double.parseDouble(text.strip());
            if (!(d >= 0) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("bad duration '" + text + "'");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad duration '" + text + "'", e);
        }
    }

    /** Comma-separated items, unsigned (fpcalc -raw) or signed (fpcalc -raw -signed). */
    private static int[] parseItems(String list) {
        String body = list.strip();
        if (body.isEmpty()) {
            return new int[0];
        }
        String[] parts = body.split(",", -1);
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].strip();
            long v;
            try {
                v = Long.parseLong(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fingerprint item " + i + " is not an integer: '" + p + "'", e);
            }
            if (v < Integer.MIN_VALUE || v > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("fingerprint item " + i + " is out of 32-bit range: " + v);
            }
            out[i] = (int) v;
        }
        return out;
    }

    /**
     * The raw text of a top-level value in a flat JSON object: a number, a string with its quotes, or an array
     * with its brackets. Enough for fpcalc's fixed output; nested objects are not expected there.
     */
    private static String jsonValue(String obj, String key) {
        String quoted = "\"" + key + "\"";
        int k = indexOfKey(obj, quoted);
        if (k < 0) {
            return null;
        }
        int i = k + quoted.length();
        while (i < obj.length() && Character.isWhitespace(obj.charAt(i))) {
            i++;
        }
        if (i >= obj.length() || obj.charAt(i) != ':') {
            throw new IllegalArgumentException("fpcalc JSON: expected ':' after " + quoted);
        }
        i++;
        while (i < obj.length() && Character.isWhitespace(obj.charAt(i))) {
            i++;
        }
        if (i >= obj.length()) {
            throw new IllegalArgumentException("fpcalc JSON: missing value for " + quoted);
        }
        char c = obj.charAt(i);
        int end;
        if (c == '[') {
            end = obj.indexOf(']', i);
            if (end < 0) {
                throw new IllegalArgumentException("fpcalc JSON: unterminated array for " + quoted);
            }
            end++;
        } else if (c == '"') {
            end = obj.indexOf('"', i + 1);
            if (end < 0) {
                throw new IllegalArgumentException("fpcalc JSON: unterminated string for " + quoted);
            }
            end++;
        } else {
            end = i;
            while (end < obj.length() && ",}".indexOf(obj.charAt(end)) < 0) {
                end++;
            }
        }
        return obj.substring(i, end).strip();
    }

    /** The position of a key outside string values (fpcalc's strings never contain quotes). */
    private static int indexOfKey(String obj, String quoted) {
        List<Integer> hits = new ArrayList<>();
        for (int from = 0; ; ) {
            int k = obj.indexOf(quoted, from);
            if (k < 0) {
                break;
            }
            hits.add(k);
            from = k + 1;
        }
        for (int k : hits) {
            int before = k - 1;
            while (before >= 0 && Character.isWhitespace(obj.charAt(before))) {
                before--;
            }
            if (before >= 0 && (obj.charAt(before) == '{' || obj.charAt(before) == ',')) {
                return k;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AudioFingerprint f && Arrays.equals(items, f.items)
                && Double.compare(durationSeconds, f.durationSeconds) == 0 && algorithm == f.algorithm;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(items), durationSeconds, algorithm);
    }

    @Override
    public String toString() {
        return "AudioFingerprint[" + algorithm + ", " + items.length + " items, "
                + String.format(Locale.ROOT, "%.2f", durationSeconds) + " s]";
    }
}
